package org.toesim.host.driver;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.pcie.HostRing;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;

/**
 * The TOE side of the driver: commands on the COMMAND ring, posted buffers on the POST ring
 * and send requests on the SEND ring, each matched to its completion by id.
 *
 * <pre>
 *   submit(cmd, cb): slot = COMMAND.produce(cmd); pending[cmd.id] = (slot, cb)
 *                    cpu: offloadCommandCycles (OFFLOAD_COMMAND, KERNEL) --&gt; Doorbell
 *   CommandCompletion(id) --&gt; pending.remove(id) --&gt; complete(slot) --&gt; cb
 *   postBuffer(h, addr, len, cb): PostBuffer(cookie) in POST;    cpu: descriptorCycles --&gt; Doorbell
 *   toeSend(h, addr, len, cb):    ToeSend(cookie) in SEND;       cpu: descriptorCycles --&gt; Doorbell
 *   SendCompletion(cookie) --&gt; complete(slot) --&gt; cb
 *   ReceiveCompletion(cookie of POST slot s) --&gt; POST slots head..s free (the adapter frees them
 *       when it fetches, in ring order; buffers posted earlier may still be filling) --&gt; cb
 *   timeout (one event, re-armed for the oldest deadline): a command past commandTimeoutPs is
 *   failed with HARDWARE_FAILURE to its callback; its slot stays with the device.
 *   ring full: commands, posted buffers and send requests wait in a FIFO backlog (as a real driver's software
 *       queue in front of a full ring, e.g. cxgb4's control-queue sendq) and enter the ring, in
 *       order, as completions free slots (send requests at the end of each poll run, since the
 *       host stack's NicSend completions free SEND slots too); a command is built when it enters the ring
 *       ({@link #submit(Supplier, boolean, int, CommandCallback)}), so host state it refers to
 *       (a state image) is only held for commands on the ring. Background commands (statistics
 *       queries) wait behind every other command. The timeout counts from entry into the ring.
 * </pre>
 * Maps are keyed by id and only looked up, never iterated; backlogs are FIFOs (O(1) per entry).
 * Logged: a command timeout (WARN), a completion with a status other than SUCCESS (DEBUG), a
 * ring that fills so requests start to wait in its backlog (DEBUG, once per episode: when the
 * backlog was empty), every completion (TRACE).
 */
final class OffloadPath {
    private static final Logger LOG = LoggerFactory.getLogger(OffloadPath.class);
    private record Pending<T, C>(T request, int slot, C callback, long deadlinePs) {
    }

    /**
     * A buffer on the POST ring: {@code seq} counts POST entries in produce order, so a
     * completion can tell whether its slot was already released (and perhaps reused by a later
     * buffer the card has not fetched yet).
     */
    private record PendingPost(RxDescriptor.PostBuffer request, long seq, OffloadReceiveCallback callback) {
    }

    /** A command waiting for room on the COMMAND ring; {@code build} makes it when it enters. */
    private record WaitingCommand(Supplier<ToeCommand> build, int core, CommandCallback callback) {
    }

    /** A posted buffer (or an indication buffer, with no callback) waiting for room on the POST ring. */
    private record WaitingPost(RxDescriptor buffer, int core, OffloadReceiveCallback callback) {
    }

    /**
     * An offloaded send: its SEND ring slot goes back as soon as a completion shows the card
     * fetched it; the request itself lives on in card memory until the peer acknowledges it.
     */
    private record PendingSend(TxDescriptor.ToeSend request, int slot, OffloadSendCallback callback) {
    }

    /** A send request waiting for room on the SEND ring. */
    private record WaitingSend(TxDescriptor.ToeSend send, int core, OffloadSendCallback callback) {
    }

    private final Simulator sim;
    private final DriverConfig config;
    private final HostCpu cpu;
    private final CostTable costs;
    private final HostRing commandRing;
    private final Doorbell commandDoorbell;
    private final HostRing postRing;
    private final Doorbell postDoorbell;
    private final HostRing sendRing;
    private final Doorbell sendDoorbell;
    private final Map<Long, Pending<ToeCommand, CommandCallback>> commands = new HashMap<>();
    private final ArrayDeque<Long> commandOrder = new ArrayDeque<>();
    /** Slots of commands failed by timeout, freed if the completion turns up late. */
    private final Map<Long, Integer> timedOutSlots = new HashMap<>();
    private final Map<Long, PendingPost> buffers = new HashMap<>();
    /** Indication buffers on the card: cookie -&gt; POST seq (looked up, never iterated). */
    private final Map<Long, Long> indicationSeqs = new HashMap<>();
    /** POST entries produced so far; the next one's {@code seq}. */
    private long postsProduced;
    /** POST entries released to the host so far: the seq of the ring's head. */
    private long postsReleased;
    private final Map<Long, PendingSend> sends = new HashMap<>();
    /** The offloaded send in each SEND ring slot whose slot is not released yet, else null. */
    private final PendingSend[] sendInSlot;
    /** SEND slots before this one (from the ring's head) were checked for an early release. */
    private int sendReleaseCursor;
    private final ArrayDeque<WaitingCommand> commandBacklog = new ArrayDeque<>();
    private final ArrayDeque<WaitingCommand> backgroundBacklog = new ArrayDeque<>();
    private final ArrayDeque<WaitingPost> postBacklog = new ArrayDeque<>();
    private final ArrayDeque<WaitingSend> sendBacklog = new ArrayDeque<>();
    private final Event timeoutEvent;
    private long nextCommandId = 1;
    private long nextCookie = 1;
    long commandsSubmitted;
    long commandsCompleted;
    long commandsTimedOut;
    long buffersPosted;
    long buffersCompleted;
    long indicationBuffersPosted;
    long indicationsReceived;
    long sendsPosted;
    long sendsCompleted;
    long commandsBacklogged;
    long postsBacklogged;
    long sendsBacklogged;

    OffloadPath(Simulator sim, DriverConfig config, HostCpu cpu, CostTable costs, HostRing commandRing,
            Doorbell commandDoorbell, HostRing postRing, Doorbell postDoorbell, HostRing sendRing,
            Doorbell sendDoorbell) {
        this.sim = sim;
        this.config = config;
        this.cpu = cpu;
        this.costs = costs;
        this.commandRing = commandRing;
        this.commandDoorbell = commandDoorbell;
        this.postRing = postRing;
        this.postDoorbell = postDoorbell;
        this.sendRing = sendRing;
        this.sendInSlot = new PendingSend[sendRing.sizeSlots()];
        this.sendDoorbell = sendDoorbell;
        this.timeoutEvent = sim.newEvent("driver.cmd-timeout", config.name(), Priority.TIMER, this::onTimeout);
    }

    long nextCommandId() {
        return nextCommandId++;
    }

    /** Submits a built command (its id already taken): at once if the ring has room, else after the backlog. */
    void submit(ToeCommand command, int core, CommandCallback callback) {
        Objects.requireNonNull(command, "command");
        submit(() -> command, false, core, callback);
    }

    /**
     * Submits the command {@code build} makes when it enters the COMMAND ring: at once if the ring
     * has room and nothing waits before it, else in FIFO order as slots free. A
     * {@code background} command (a statistics query) waits behind every other command.
     */
    void submit(Supplier<ToeCommand> build, boolean background, int core, CommandCallback callback) {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(callback, "callback");
        boolean clear = commandBacklog.isEmpty() && (!background || backgroundBacklog.isEmpty());
        if (clear && commandRing.freeSlots() > 0) {
            enter(build.get(), core, callback);
            return;
        }
        commandsBacklogged++;
        if (commandBacklog.isEmpty() && backgroundBacklog.isEmpty()) {
            ringFull(commandRing);
        }
        (background ? backgroundBacklog : commandBacklog).addLast(new WaitingCommand(build, core, callback));
    }

    private void enter(ToeCommand command, int core, CommandCallback callback) {
        Long id = command.commandId();
        if (commands.containsKey(id)) {
            throw new IllegalStateException(config.name() + ": command id " + id + " is already outstanding");
        }
        requireRoom(commandRing);
        int slot = commandRing.produce(command);
        commands.put(id, new Pending<>(command, slot, callback, sim.now() + config.commandTimeoutPs()));
        commandOrder.addLast(id);
        if (!timeoutEvent.isPending()) {
            sim.scheduleAt(timeoutEvent, sim.now() + config.commandTimeoutPs());
        }
        commandsSubmitted++;
        commandDoorbell.begin();
        cpu.submit(core, WorkClass.KERNEL, CostCategory.OFFLOAD_COMMAND, costs.offloadCommandCycles(),
                commandDoorbell, 0);
    }

    /** Moves waiting commands onto the ring while it has room (foreground ones first). */
    private void drainCommands() {
        while (commandRing.freeSlots() > 0) {
            WaitingCommand w = commandBacklog.pollFirst();
            if (w == null) {
                w = backgroundBacklog.pollFirst();
            }
            if (w == null) {
                return;
            }
            enter(w.build().get(), w.core(), w.callback());
        }
    }

    long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, boolean noPush, int core,
                    OffloadReceiveCallback callback) {
        Objects.requireNonNull(callback, "callback");
        long cookie = nextCookie++;
        RxDescriptor.PostBuffer b = new RxDescriptor.PostBuffer(handle, hostAddr, lenBytes, cookie, noPush);
        if (postBacklog.isEmpty() && postRing.freeSlots() > 0) {
            enterPost(b, core, callback);
        } else {
            postsBacklogged++;
            if (postBacklog.isEmpty()) {
                ringFull(postRing);
            }
            postBacklog.addLast(new WaitingPost(b, core, callback));
        }
        return cookie;
    }

    private void enterPost(RxDescriptor entry, int core, OffloadReceiveCallback callback) {
        requireRoom(postRing);
        postRing.produce(entry);
        if (entry instanceof RxDescriptor.PostBuffer b) {
            buffers.put(b.cookie(), new PendingPost(b, postsProduced++, callback));
            buffersPosted++;
        } else if (entry instanceof RxDescriptor.IndicationBuffer b) {
            indicationSeqs.put(b.cookie(), postsProduced++);
            indicationBuffersPosted++;
        } else {
            throw new IllegalArgumentException("not a POST ring entry: " + entry);
        }
        postDoorbell.begin();
        cpu.submit(core, WorkClass.KERNEL, CostCategory.DRIVER, costs.descriptorCycles(), postDoorbell, 0);
    }

    /** Moves waiting buffers onto the POST ring while it has room. */
    private void drainPosts() {
        while (postRing.freeSlots() > 0 && !postBacklog.isEmpty()) {
            WaitingPost w = postBacklog.pollFirst();
            enterPost(w.buffer(), w.core(), w.callback());
        }
    }

    /**
     * Lends the card a driver-owned indication buffer (on the POST ring, behind posted buffers):
     * it fills it with data of any offloaded connection that has no buffer posted and says so
     * with an IndicateData event carrying the returned cookie.
     */
    long postIndication(long hostAddr, int lenBytes, int core) {
        long cookie = nextCookie++;
        RxDescriptor.IndicationBuffer b = new RxDescriptor.IndicationBuffer(hostAddr, lenBytes, cookie);
        if (postBacklog.isEmpty() && postRing.freeSlots() > 0) {
            enterPost(b, core, null);
        } else {
            postsBacklogged++;
            if (postBacklog.isEmpty()) {
                ringFull(postRing);
            }
            postBacklog.addLast(new WaitingPost(b, core, null));
        }
        return cookie;
    }

    /** The card filled indication buffer {@code cookie}: POST slots through its entry go back. */
    void onIndication(long cookie) {
        Long seq = indicationSeqs.remove(cookie);
        if (seq == null) {
            throw new IllegalStateException(config.name() + ": indication for unknown buffer cookie " + cookie);
        }
        releasePostsThrough(seq);
        indicationsReceived++;
        drainPosts();
    }

    long toeSend(OffloadHandle handle, long hostAddr, int lenBytes, boolean fin, int core,
                 OffloadSendCallback callback) {
        Objects.requireNonNull(callback, "callback");
        long cookie = nextCookie++;
        TxDescriptor.ToeSend s = new TxDescriptor.ToeSend(handle, hostAddr, lenBytes, cookie, fin);
        if (sendBacklog.isEmpty() && sendRing.freeSlots() > 0) {
            enterSend(s, core, callback);
        } else {
            sendsBacklogged++;
            if (sendBacklog.isEmpty()) {
                ringFull(sendRing);
            }
            sendBacklog.addLast(new WaitingSend(s, core, callback));
        }
        return cookie;
    }

    private void enterSend(TxDescriptor.ToeSend s, int core, OffloadSendCallback callback) {
        requireRoom(sendRing);
        int slot = sendRing.produce(s);
        PendingSend p = new PendingSend(s, slot, callback);
        sendInSlot[slot] = p;
        sends.put(s.cookie(), p);
        sendsPosted++;
        sendDoorbell.begin();
        cpu.submit(core, WorkClass.KERNEL, CostCategory.DRIVER, costs.descriptorCycles(), sendDoorbell, 0);
    }

    /**
     * End of a poll run (send slots are freed by ToeSend and NicSend completions alike): waiting
     * send requests enter the SEND ring while more than {@code reserveSlots} slots are free (the
     * host stack's stopped transmit queue keeps the room it needs to wake).
     */
    void drainSends(int reserveSlots) {
        while (sendRing.freeSlots() > reserveSlots && !sendBacklog.isEmpty()) {
            WaitingSend w = sendBacklog.pollFirst();
            enterSend(w.send(), w.core(), w.callback());
        }
    }

    void onCompletion(DeviceCompletion.CommandCompletion c, int core) {
        Pending<ToeCommand, CommandCallback> p = commands.remove(c.commandId());
        if (p == null) {
            Integer slot = timedOutSlots.remove(c.commandId());
            if (slot == null) {
                throw new IllegalStateException(config.name() + ": completion for unknown command " + c);
            }
            commandRing.complete(slot); // late answer to a command already failed by timeout
            drainCommands();
            return;
        }
        commandRing.complete(p.slot());
        commandsCompleted++;
        logCompletion(p.request(), c);
        drainCommands();
        p.callback().onCommandComplete(p.request(), c, core);
    }

    void onCompletion(DeviceCompletion.ReceiveCompletion c, int core) {
        PendingPost p = buffers.remove(c.cookie());
        if (p == null) {
            throw new IllegalStateException(config.name() + ": receive completion for unknown cookie " + c);
        }
        releasePostsThrough(p.seq());
        buffersCompleted++;
        drainPosts();
        p.callback().onReceiveComplete(p.request(), c, core);
    }

    void onCompletion(DeviceCompletion.SendCompletion c, int core) {
        PendingSend p = sends.remove(c.cookie());
        if (p == null) {
            throw new IllegalStateException(config.name() + ": send completion for unknown cookie " + c);
        }
        if (sendInSlot[p.slot()] == p) {
            sendsFetchedThrough(p.slot()); // else its slot went back earlier and may hold a newer entry
        }
        sendsCompleted++;
        p.callback().onSendComplete(p.request(), c, core);
    }

    /**
     * A completion for SEND slot {@code slot} (an offloaded send's or a host-stack frame's)
     * shows the card fetched every entry up to it, since it fetches in ring order: the slots of
     * offloaded sends up to it go back to the host now, though the sends stay on the card until
     * acknowledged. Holding each slot until the peer's ACK let 30 connections x 16 sends fill
     * the 256-slot ring behind sends that waited 40 ms for a delayed ACK. Each slot is looked
     * at once (the cursor only moves forward), so the cost is O(1) per entry.
     */
    void sendsFetchedThrough(int slot) {
        int mask = sendRing.sizeSlots() - 1;
        int head = sendRing.head();
        if (((sendReleaseCursor - head) & mask) > ((sendRing.tail() - head) & mask)) {
            sendReleaseCursor = head; // the cursor fell behind the head: everything before it is free
        }
        int ahead = (sendRing.tail() - sendReleaseCursor) & mask;
        int upTo = (slot - sendReleaseCursor) & mask;
        if (upTo >= ahead) {
            return; // behind the cursor: its slot was looked at already
        }
        for (int k = 0; k <= upTo; k++) {
            int i = (sendReleaseCursor + k) & mask;
            PendingSend p = sendInSlot[i];
            if (p != null) {
                sendInSlot[i] = null;
                sendRing.complete(i);
            }
        }
        sendReleaseCursor = (slot + 1) & mask;
    }

    private void onTimeout() {
        long now = sim.now();
        while (!commandOrder.isEmpty()) {
            Long id = commandOrder.peekFirst();
            Pending<ToeCommand, CommandCallback> p = commands.get(id);
            if (p == null) {
                commandOrder.pollFirst(); // completed
                continue;
            }
            if (p.deadlinePs() > now) {
                sim.scheduleAt(timeoutEvent, p.deadlinePs());
                return;
            }
            commandOrder.pollFirst();
            commands.remove(id);
            timedOutSlots.put(id, p.slot());
            commandsTimedOut++;
            LOG.warn("{} {}: command {} got no completion within {}: failed with HARDWARE_FAILURE",
                    Units.logTime(now), config.name(), p.request().getClass().getSimpleName(),
                    Units.formatDuration(config.commandTimeoutPs()));
            p.callback().onCommandComplete(p.request(),
                    new DeviceCompletion.CommandCompletion(id, CommandStatus.HARDWARE_FAILURE, 0), config.queueCore());
        }
    }

    /** Whether command {@code id} was failed by the timeout. */
    boolean timedOut(long id) {
        return timedOutSlots.containsKey(id);
    }

    int outstandingCommands() {
        return commands.size();
    }

    /** Commands waiting for room on the COMMAND ring now. */
    int commandsWaiting() {
        return commandBacklog.size() + backgroundBacklog.size();
    }

    /** Posted buffers waiting for room on the POST ring now. */
    int postsWaiting() {
        return postBacklog.size();
    }

    /** Send requests waiting for room on the SEND ring now. */
    int sendsWaiting() {
        return sendBacklog.size();
    }

    /**
     * The card fetches POST entries in ring order, so a completed buffer shows it has fetched
     * every entry up to that buffer's: those slots go back to the host. Buffers complete out of
     * order across connections; a completion whose entry was already released (a later buffer
     * completed first) releases nothing, since its slot may now hold an entry not yet fetched.
     */
    private void releasePostsThrough(long seq) {
        while (postsReleased <= seq) {
            postRing.complete(postRing.head());
            postsReleased++;
        }
    }

    /** A request found {@code ring} full (its backlog was empty): requests wait from now on. */
    private void ringFull(HostRing ring) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} ring full ({} slots): requests wait in the driver's backlog",
                    Units.logTime(sim.now()), config.name(), ring.id(), ring.sizeSlots());
        }
    }

    private void logCompletion(ToeCommand command, DeviceCompletion.CommandCompletion c) {
        if (c.status() != CommandStatus.SUCCESS) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: {} {} completed with {}", Units.logTime(sim.now()), config.name(),
                        command.getClass().getSimpleName(), c.commandId(), c.status());
            }
        } else if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: {} {} completed", Units.logTime(sim.now()), config.name(),
                    command.getClass().getSimpleName(), c.commandId());
        }
    }

    private void requireRoom(HostRing ring) {
        if (ring.freeSlots() == 0) {
            throw new IllegalStateException(config.name() + ": " + ring.id() + " ring is full");
        }
    }
}
