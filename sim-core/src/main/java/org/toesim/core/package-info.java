/**
 * ToeSim's discrete-event kernel.
 *
 * <pre>
 *   components ──schedule(Event, atPs)──▶ Simulator ──pop (time, priority, seq)──▶ Event.action.run()
 *        ▲                                   │  ├─ EventListener.before/after   (observation, digests)
 *        └──────── sim.now() ◀───────────────┘  └─ Breakpoint                   (pauses run())
 * </pre>
 *
 * <p>Sub-packages: {@code event} (scheduler), {@code units} (picosecond time, rates, sizes),
 * {@code random} (named random streams), {@code stats} (counters, tallies, time-weighted
 * averages, histograms), {@code trace} (typed trace records and sinks).
 *
 * <p>Simulated time is a {@code long} number of picoseconds everywhere; there is no double time.
 * Nothing in this module holds static mutable state and nothing starts a thread.
 */
package org.toesim.core;
