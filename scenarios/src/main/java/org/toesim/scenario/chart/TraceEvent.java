package org.toesim.scenario.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of {@code trace.jsonl}, with the fields the charts interpret taken out.
 *
 * @param line      1-based line number in the trace file
 * @param timePs    {@code t}: when it happened (for a message: when it arrived)
 * @param component the component that recorded it
 * @param event     the record's name
 * @param from      the sending lifeline of a message, null for a local event
 * @param to        the receiving lifeline of a message, null for a local event
 * @param sentPs    when a message was sent; {@code timePs} for a local event
 * @param conn      the connection it is about ({@code x>y}), or null
 * @param fields    every other field, in trace order, kept for display
 */
public record TraceEvent(long line, long timePs, String component, String event, String from, String to,
                         long sentPs, String conn, ObjectNode fields) {

    /** True for a message (an arrow from {@code from} to {@code to}). */
    public boolean isMessage() {
        return from != null;
    }
}
