package org.toesim.scenario.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Display order of lifelines, with a switch's dotless name among them (a --trace run through a switch). */
class LifelinesTest {
    @Test
    void aSwitchLifelineWithoutADotGoesBetweenTheHosts() {
        Lifelines l = new Lifelines();
        int aNic = l.id("a.nic");
        int sw = l.id("sw");
        int bNic = l.id("b.nic");
        int aTcp = l.id("a.tcp");
        // focus a (first host seen): its parts in HOST_PARTS order, then the switch, then b
        assertArrayEquals(new int[] {aTcp, aNic, sw, bNic}, l.displayOrder(null));
    }
}
