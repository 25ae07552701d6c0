package org.toesim.tcp.segment;

/** One SACK block (RFC 2018 §3): the receiver holds {@code [left, right)} in sequence space. */
public record SackBlock(int left, int right) {
}
