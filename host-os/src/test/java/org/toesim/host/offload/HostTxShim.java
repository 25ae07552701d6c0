package org.toesim.host.offload;

import org.toesim.host.cpu.WorkClass;
import org.toesim.host.stack.DeviceFeatures;
import org.toesim.host.stack.FrameReceiver;
import org.toesim.host.stack.NetDevice;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;

/**
 * Test-only stand-in for the TOE's plain-NIC transmit: the Toe model (nic-toe branch) refuses
 * {@code NicSend} descriptors, so frames of host-run connections (handshake, host ACKs, data
 * after a flush) are handed straight to the Toe's MAC here instead of through the SEND ring.
 * Receive goes through the real driver. No PCIe or descriptor cost is modelled for these
 * frames; the stack still pays its own protocol cost.
 */
final class HostTxShim implements NetDevice {
    private final NetDevice rx;
    private final MacPort mac;
    long framesSent;

    HostTxShim(NetDevice rx, MacPort mac) {
        this.rx = rx;
        this.mac = mac;
    }

    @Override
    public DeviceFeatures features() {
        return DeviceFeatures.NONE;
    }

    @Override
    public void setReceiver(FrameReceiver receiver) {
        rx.setReceiver(receiver);
    }

    @Override
    public void setTxReadyListener(Runnable listener) {
    }

    @Override
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
        framesSent++;
        mac.send(frame);
        return true;
    }
}
