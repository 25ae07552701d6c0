/**
 * Typed trace records and the sinks that receive them.
 *
 * <pre>
 *   component ──(timePs, component, TraceRecord)──▶ TraceSink
 *                                                    ├─ JsonLinesTraceSink  one JSON object a line
 *                                                    ├─ DigestTraceSink     64-bit running hash
 *                                                    └─ TraceSinks.tee(...) several at once
 * </pre>
 *
 * Each module declares its records as a sealed interface extending
 * {@link org.toesim.core.trace.TraceRecord}, implemented by Java records whose components are
 * the fields written out. Components receive their sink at construction and test
 * {@link org.toesim.core.trace.TraceSink#enabled()} before building a record, so a run without
 * tracing allocates nothing for it.
 */
package org.toesim.core.trace;
