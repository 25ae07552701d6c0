/**
 * Sequence charts of a run's {@code trace.jsonl}: an interactive, self-contained
 * {@code sequence.html} and a Mermaid {@code sequence.mmd} for docs.
 *
 * <pre>
 *   trace.jsonl --TraceReader--&gt; TraceEvent* --ChartFilter (conn, time window)--&gt;
 *       +--&gt; ChartColumns (columnar: times, lifeline ids, event ids, conn ids; fields spilled to a temp file)
 *       |        --HtmlSequenceChart--&gt; sequence.html (canvas, renders only the visible window)
 *       +--&gt; MermaidWriter (first N records) --&gt; sequence.mmd
 *   Lifelines: every name seen (component, from, to) in first-appearance order; ordered for display by
 *   host (focus host first), then wire/link/switch lifelines, then the other hosts.
 * </pre>
 *
 * A trace line is {@code {"t":ps,"component":"b.driver","event":"MmioWrite","fields":{...}}}; a
 * <em>message</em> has all three of {@code fields.from}, {@code fields.to} (lifeline names) and
 * {@code fields.sentPs} (whole picoseconds); anything else is a local event on its component. {@code fields.conn} names the connection
 * ({@code x>y} and {@code y>x} are the same one). {@link org.toesim.scenario.chart.SequenceCharts} is
 * the entry point.
 */
package org.toesim.scenario.chart;
