package org.toesim.host.cpu;

/**
 * FIFO of pending work items of one class on one core, stored as parallel primitive arrays in
 * a ring (no object per item). Grows by doubling when full, so steady-state submission
 * allocates nothing. The head item is read through the {@code head*} accessors, then dropped
 * with {@link #pop()}.
 */
final class WorkQueue {
    private long[] cycles;
    private long[] enqueuedAtPs;
    private byte[] category;
    private int[] arg;
    private WorkHandler[] handler;
    private int head;
    private int size;
    private long queuedCycles;

    WorkQueue(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(4, initialCapacity) - 1) << 1;
        cycles = new long[cap];
        enqueuedAtPs = new long[cap];
        category = new byte[cap];
        arg = new int[cap];
        handler = new WorkHandler[cap];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Sum of the cycles of the queued items. */
    long queuedCycles() {
        return queuedCycles;
    }

    void push(long itemCycles, CostCategory itemCategory, WorkHandler itemHandler, int itemArg, long nowPs) {
        if (size == cycles.length) {
            grow();
        }
        int tail = (head + size) & (cycles.length - 1);
        cycles[tail] = itemCycles;
        enqueuedAtPs[tail] = nowPs;
        category[tail] = (byte) itemCategory.ordinal();
        arg[tail] = itemArg;
        handler[tail] = itemHandler;
        size++;
        queuedCycles += itemCycles;
    }

    long headCycles() {
        return cycles[head];
    }

    long headEnqueuedAtPs() {
        return enqueuedAtPs[head];
    }

    int headCategory() {
        return category[head];
    }

    int headArg() {
        return arg[head];
    }

    WorkHandler headHandler() {
        return handler[head];
    }

    /** Drops the head item (call after reading it). */
    void pop() {
        queuedCycles -= cycles[head];
        handler[head] = null;
        head = (head + 1) & (cycles.length - 1);
        size--;
    }

    private void grow() {
        int cap = cycles.length;
        cycles = unwrap(cycles, cap);
        enqueuedAtPs = unwrap(enqueuedAtPs, cap);
        byte[] c = new byte[cap * 2];
        System.arraycopy(category, head, c, 0, cap - head);
        System.arraycopy(category, 0, c, cap - head, head);
        category = c;
        int[] a = new int[cap * 2];
        System.arraycopy(arg, head, a, 0, cap - head);
        System.arraycopy(arg, 0, a, cap - head, head);
        arg = a;
        WorkHandler[] h = new WorkHandler[cap * 2];
        System.arraycopy(handler, head, h, 0, cap - head);
        System.arraycopy(handler, 0, h, cap - head, head);
        handler = h;
        head = 0;
    }

    private long[] unwrap(long[] old, int cap) {
        long[] n = new long[cap * 2];
        System.arraycopy(old, head, n, 0, cap - head);
        System.arraycopy(old, 0, n, cap - head, head);
        return n;
    }
}
