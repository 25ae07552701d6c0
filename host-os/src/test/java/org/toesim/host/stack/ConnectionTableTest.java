package org.toesim.host.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.FourTuple;

class ConnectionTableTest {
    @Test
    void behavesLikeAMapUnderRandomPutsAndRemoves() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            ConnectionTable<String> t = new ConnectionTable<>();
            Map<Long, String> ref = new HashMap<>();
            for (int op = 0; op < 5000; op++) {
                // few distinct keys so runs collide, are removed from the middle and wrap around
                long key = ConnectionTable.key(49152 + r.nextInt(40), 0x0A000000 + r.nextInt(3), 80 + r.nextInt(2));
                if (r.nextInt(3) == 0) {
                    assertEquals(ref.remove(key), t.remove(key), "remove, seed " + seed + " op " + op);
                } else if (r.nextBoolean()) {
                    String v = "v" + op;
                    ref.put(key, v);
                    t.put(key, v);
                } else {
                    assertEquals(ref.get(key), t.get(key), "get, seed " + seed + " op " + op);
                }
                assertEquals(ref.size(), t.size());
            }
            for (Map.Entry<Long, String> e : ref.entrySet()) {
                assertEquals(e.getValue(), t.get(e.getKey()));
            }
        }
    }

    @Test
    void keyDistinguishesEveryFieldThatVaries() {
        FourTuple a = new FourTuple(1, 49152, 0x0A000002, 80);
        assertEquals(ConnectionTable.key(49152, 0x0A000002, 80), ConnectionTable.key(a));
        long k = ConnectionTable.key(a);
        assertEquals(false, k == ConnectionTable.key(49153, 0x0A000002, 80));
        assertEquals(false, k == ConnectionTable.key(49152, 0x0A000003, 80));
        assertEquals(false, k == ConnectionTable.key(49152, 0x0A000002, 81));
        assertEquals(false, ConnectionTable.key(80, 0xFFFFFFFF, 65535) == ConnectionTable.key(81, 0xFFFFFFFF, 65535));
    }
}
