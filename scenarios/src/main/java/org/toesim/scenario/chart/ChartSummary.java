package org.toesim.scenario.chart;

import java.nio.file.Path;

/**
 * What {@link SequenceCharts#write} wrote.
 *
 * @param html            the interactive chart
 * @param mermaid         the Mermaid diagram
 * @param recordsRead     records in the trace
 * @param recordsCharted  records that passed the filters (all in the HTML)
 * @param lifelines       lifelines in the HTML
 * @param mermaidRecords  records in the Mermaid diagram
 * @param mermaidOmitted  records left out of the Mermaid diagram by its cap
 * @param htmlBytes       size of the HTML file
 */
public record ChartSummary(Path html, Path mermaid, long recordsRead, long recordsCharted, int lifelines,
                           int mermaidRecords, long mermaidOmitted, long htmlBytes) {
}
