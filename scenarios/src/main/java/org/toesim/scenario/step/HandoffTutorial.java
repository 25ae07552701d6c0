package org.toesim.scenario.step;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.toesim.scenario.model.StepSession;

/**
 * {@code toesim step --tutorial handoff}: one connection through SYSTEM.md's whole handoff
 * sequence, one stage at a time. Each stage names what happens and which part of the system
 * does it, then runs the simulation to the event that shows it (a {@link StepBreakpoint}) and
 * prints that event with its records. The scenario is {@code tutorials/handoff.json}: host a
 * (plain NIC) sends two 48 KiB requests to host b (TOE, offload after 16 KiB), b answers each
 * with 32 KiB, a closes.
 *
 * <pre>
 *   attach      driver --CapabilityQuery--&gt; card --capability record (DMA)--&gt; driver
 *   set-up      a.tcp SYN_SENT .. ESTABLISHED on b's host stack
 *   decision    b.offload PolicyDecided offload=true
 *   initiate    InitiateOffload --&gt; card DMA-reads the CCB --&gt; Installed (+ held frames forwarded)
 *   post        BufferPosted --&gt; card Descriptor PostBuffer
 *   placement   card Classified FAST_DATA --&gt; Placed (DMA into the buffer) --&gt; card ACK --&gt; BufferCompleted
 *   transmit    SendPosted --&gt; card SegmentOut with payload --&gt; SendCompleted
 *   flush       peer FIN --&gt; UploadRequest --&gt; TerminateOffload --&gt; FlushCompleted
 *   resume      b.tcp CLOSE_WAIT .. CLOSED on the host stack again
 * </pre>
 */
public final class HandoffTutorial {
    /** The scenario resource the tutorial runs. */
    public static final String RESOURCE = "tutorials/handoff.json";

    /**
     * One stage: a title, what happens, and the breakpoint that shows it; with {@code bus}, the
     * focus host's PCIe transactions on the way to it (other than payload) join the diagram.
     */
    record Stage(String title, String text, String breakAt, boolean bus) {
        Stage(String title, String text, String breakAt) {
            this(title, text, breakAt, false);
        }
    }

    static final List<Stage> STAGES = List.of(
            new Stage("Set-up on the host",
                    "Host a's application connects; b's host stack answers (LISTEN, SYN_RECEIVED) and the three-way "
                            + "handshake completes in software, as any connection starts. The TOE is not involved yet.",
                    "conn 1 state=ESTABLISHED"),
            new Stage("The policy decides",
                    "Each time the connection's socket is used, b's offload manager asks its policy. afterBytes "
                            + "16KiB says no until 16 KiB have arrived, then yes: the connection is worth the "
                            + "handoff's cost.",
                    "record PolicyDecided offload=true"),
            new Stage("Initiate offload: the doorbell",
                    "In the same event the offload manager quiesced the connection (no more output from the host "
                            + "stack, arriving segments held) and wrote its CCB image (sequence numbers, windows, cwnd, "
                            + "timers) to host memory. The driver now rings the COMMAND ring's doorbell: an MMIO write "
                            + "across PCIe to the card.",
                    "record MmioWrite to=b.card register=q0.COMMAND.TAIL"),
            new Stage("The card takes the CCB",
                    "The card fetches the command by DMA, reads the 256-byte CCB image by DMA and installs the "
                            + "connection in its CCB table.",
                    "record Command command^=InitiateOffload", true),
            new Stage("Installed: the card runs the connection",
                    "The completion comes back through the COMPLETION ring and an MSI-X interrupt. The host "
                            + "forwards the frames it held during the handoff; from now on b's TCP runs on the card.",
                    "record Installed", true),
            new Stage("Posted buffers",
                    "The application's read becomes a buffer posted to the card: its address and length go down "
                            + "the POST ring, so the card can place payload straight into it.",
                    "record Descriptor descriptor^=PostBuffer"),
            new Stage("Direct placement",
                    "A data segment arrives from the wire. The card's classifier finds the CCB (FAST_DATA), its "
                            + "TCP engine accepts the bytes and DMA-writes them into the posted buffer: no host copy, "
                            + "no host protocol processing.",
                    "record Placed"),
            new Stage("ACKs from the card",
                    "The card's engine acknowledges the data itself; the host CPU does not see the segment or the "
                            + "ACK.",
                    "record SegmentOut lenBytes=0 flags=."),
            new Stage("The buffer completes",
                    "When the buffer is full (or pushed), the card writes a receive completion; the offload "
                            + "manager completes the application's read.",
                    "record BufferCompleted"),
            new Stage("Transmit offload",
                    "b's application sends its 32 KiB response: the send request goes to the card, which "
                            + "segments it, sends it and keeps it until the peer acknowledges it.",
                    "record SendPosted"),
            new Stage("Segments from the card",
                    "The card's engine DMA-reads the payload from the application's buffer and sends it as "
                            + "segments of its own.",
                    "record SegmentOut lenBytes>0"),
            new Stage("Flush: the connection comes back",
                    "Host a closes. Its FIN is a segment the card does not handle: the card asks for an upload "
                            + "(UploadRequest) and the offload manager sends TerminateOffload; the card returns the "
                            + "CCB, its state as of now.",
                    "record FlushStarted"),
            new Stage("Resumption on the host",
                    "The CCB is back: b's host stack restores the connection exactly where the card left it and "
                            + "goes on (CLOSE_WAIT, LAST_ACK, CLOSED) in software.",
                    "record FlushCompleted", true),
            new Stage("Closed on the host",
                    "The close finishes on the host stack, which now owns the connection again.",
                    "conn 1 state=CLOSED"));

    private HandoffTutorial() {
    }

    /** What a tutorial run showed: how many stages, and the records of their events. */
    public record Shown(int stages, List<StepSession.Line> records) {
        /** Whether every stage was reached. */
        public boolean complete() {
            return stages == STAGES.size() + 1;
        }
    }

    private static void keep(List<StepSession.Line> into, List<StepSession.Line> lines) {
        for (StepSession.Line l : lines) {
            if (l.record().traceCategory() != org.toesim.core.trace.TraceCategory.CPU) {
                into.add(l);
            }
        }
    }

    /**
     * Runs every stage on {@code console}'s session, printing to {@code out}; {@code pause}
     * runs between stages (Enter in a terminal; nothing from a script) and returns false to stop.
     * Returns what the stages showed: the records (CPU work left out) of the attach and of each
     * event a stage stopped at, in time order, for the tutorial's sequence diagram; the list is
     * shorter than {@link #STAGES} when the run ended before a stage or the user stopped.
     */
    public static Shown run(StepConsole console, PrintWriter out, BooleanSupplier pause) {
        StepSession session = console.session();
        out.println("== The handoff tutorial: one connection from the OS to the adapter and back ==");
        out.println();
        out.println("[1] Attach: the capability query");
        out.println("    Before any connection, each host's driver programs its adapter's rings (MMIO writes) and "
                + "asks what it can do (CapabilityQuery). The TOE answers with a capability record DMA-written to "
                + "host memory: what the offload manager may hand over. While the model was built:");
        List<StepSession.Line> shownRecords = new java.util.ArrayList<>();
        List<StepSession.Line> attach = session.bootRecords().stream()
                .filter(l -> l.component().startsWith("b.") && (l.record().event().equals("Command")
                        || l.record().event().equals("DmaWrite") && String.valueOf(l.record()).contains("capability")))
                .toList();
        keep(shownRecords, attach);
        org.toesim.core.trace.TraceFormat format = new org.toesim.core.trace.TraceFormat();
        attach.forEach(l -> out.println("          " + Times.us(l.timePs()) + "  " + l.component() + " "
                        + l.record().event() + " " + format.fields(l.record())));
        out.flush();
        int shown = 1;
        StepSession.Step last = null;
        for (Stage st : STAGES) {
            if (!pause.getAsBoolean()) {
                return new Shown(shown, shownRecords);
            }
            shown++;
            out.println();
            out.println("[" + shown + "] " + st.title());
            out.println("    " + st.text());
            StepBreakpoint bp = StepBreakpoint.parse(st.breakAt());
            if (last != null && bp.matches(last, session)) {
                out.println("    (shown above: the same event)");
                continue;
            }
            List<StepSession.Line> bus = new java.util.ArrayList<>();
            StepSession.Step hit = console.runTo(bp, passed -> {
                if (st.bus()) {
                    for (StepSession.Line l : passed.records()) {
                        if (l.component().equals("b.pcie") && !String.valueOf(l.record()).contains("payload")) {
                            bus.add(l);
                        }
                    }
                }
            });
            shownRecords.addAll(bus);
            last = hit;
            out.flush();
            if (hit == null) {
                out.println("    (the run ended before this stage: the scenario no longer shows it)");
                return new Shown(shown - 1, shownRecords);
            }
            keep(shownRecords, hit.records());
        }
        out.println();
        out.println("The connection went from the host stack to the card and back; show conn 1 shows it now, "
                + "continue runs to the end.");
        out.flush();
        return new Shown(shown, shownRecords);
    }
}
