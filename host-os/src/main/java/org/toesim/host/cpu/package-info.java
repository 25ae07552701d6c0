/**
 * The host CPU as a queueing resource: {@link org.toesim.host.cpu.HostCpu} has N cores at a
 * clock rate; every piece of host work (interrupt, driver, protocol, copy, checksum, system
 * call, offload command, application) is a work item that costs cycles on one core, so the CPU
 * saturates and queueing delays appear exactly as they would on a real host.
 *
 * <p>A work item's life:
 * <pre>
 *   caller (driver / stack / app)            HostCpu, core k                         caller
 *   ------------------------------           ----------------------------------      --------
 *   submit(k, SOFTIRQ, PROTOCOL_RX,
 *          2600 cycles, handler, arg) ----&gt; enqueue in core k's SOFTIRQ ring
 *                                            (core idle: its Event fires at now)
 *                                              |  wait: queueing delay, Tally per class
 *                                              v
 *                                            core free: pick head of the highest class
 *                                            INTERRUPT &gt; SOFTIRQ &gt; KERNEL &gt; APPLICATION
 *                                              |  run: 2600 / clockHz, not preempted
 *                                              v
 *                                            completion (Event rescheduled):
 *                                              charge busy ps + cycles to PROTOCOL_RX
 *                                              handler.onWorkDone(k, arg) ------------&gt; effect
 *                                              next item, or idle                        happens
 *                                                                                        now
 * </pre>
 *
 * <p>{@link org.toesim.host.cpu.CostTable} holds the cycle costs (calibrated to ~1 cycle per
 * received bit for the Foong et al. 2003 bulk-receive profile) and
 * {@link org.toesim.host.cpu.ApplicationWork} the application's cycles per byte (the LAWS
 * application ratio). Accounting by {@link org.toesim.host.cpu.CostCategory} lets an experiment
 * show where host cycles go, e.g. that an offloaded connection spends ~0 in copy and checksum.
 */
package org.toesim.host.cpu;
