/**
 * The simulation model behind {@code toesim run}: builds the topology a
 * {@link org.toesim.scenario.spec.Scenario} describes out of the model modules (sim-core,
 * tcp-stack, nic-model, host-os), runs it and reports what happened.
 *
 * <pre>
 *   ModelExecutor.execute(scenario, context)
 *     TopologyBuilder: Simulator, RandomStreams(seed), StatsRegistry
 *       per host  HostNode: HostCpu(cost overrides) + HostMemory + PcieLink + MacPort
 *                           + PlainNic (rssQueues) | Toe (ToeAssembly: NicSpec -&gt; ToeConfig)
 *                           + RootComplex + NicDriver + HostStack + SocketLayer
 *                 TOE host: + OffloadManager(policy) over DriverAdapterPort / HostStackPort,
 *                           SocketLayer.io = OffloadSocketIo --&gt; SocketOffloadBridge (receive pieces, sends, close)
 *       Network:  Link per LinkSpec (impairments from named streams), EthernetSwitch per
 *                 SwitchSpec with IP routes found by breadth-first search
 *       Faults:   link down/up, loss bursts (LossBurstGate), card reset (Toe.reset)
 *       Workloads: applications on the socket layers (real bytes: PayloadPattern per connection)
 *     RunLoop: warm-up reset, stop condition, progress, TrajectoryDigest
 *     Sampler: one OBSERVER event per outputs.timeSeries interval
 *     Reports: SummaryReport (connections, hosts, nics)
 * </pre>
 *
 * Pieces of the model that are not in this build make {@code execute} fail with a
 * {@link org.toesim.scenario.run.SimulationException} that names the scenario field needing
 * them; nothing is ever faked.
 */
package org.toesim.scenario.model;
