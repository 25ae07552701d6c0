/**
 * Active queue management (AQM) of a MAC port's transmit queue: which frames a queue drops or
 * ECN-marks before it is full (RFC 7567). One {@link org.toesim.nic.aqm.AqmSpec} record per
 * discipline (the configuration), one small {@link org.toesim.nic.aqm.QueueDiscipline} class
 * per algorithm holding that port's state; the port keeps the frames and asks the discipline.
 *
 * <pre>
 *   MacPort.send(f) --admit(f, queue)--&gt; ENQUEUE | MARK (CE, RFC 3168 §5) | DROP (early drop)
 *        --queue limit (drop-tail overflow)--&gt; [frames + enqueue times]
 *   txDone --dequeue(queue, now)--&gt; next frame (CoDel may drop or mark heads here) --&gt; serialiser
 *
 *   droptail  admit always ENQUEUE                        (today's queue; the default)
 *   step      mark ECT when queue incl. arrival &gt;= K     (DCTCP, RFC 8257 §3.1)
 *   red       EWMA average, min/max, max_p, count         (Floyd/Jacobson 1993, Linux sch_red.c)
 *   codel     sojourn &gt; target for an interval, then     (RFC 8289 §5, Linux codel_impl.h)
 *             drop/mark at interval/sqrt(count)
 * </pre>
 *
 * Marking needs the frame's ECN field ({@link org.toesim.nic.aqm.Ecn}): ECT(0), ECT(1) and CE
 * frames are marked, Not-ECT frames dropped instead (RFC 3168 §5, §7).
 */
package org.toesim.nic.aqm;
