package org.toesim.scenario.step;

/**
 * The part of the system an event's owner is, in the words of the handoff sequence: app,
 * socket, offload manager, driver, CPU, PCIe, card, NIC, wire. Owners are named
 * {@code <host>.<part>} by the model (e.g. {@code b.toe}, {@code a.cpu}, {@code a-b.ab}).
 */
final class Where {
    private Where() {
    }

    static String of(String owner) {
        int dot = owner.indexOf('.');
        String part = dot < 0 ? owner : owner.substring(dot + 1);
        if (part.startsWith("toe") || part.startsWith("card")) {
            return "card";
        } else if (part.startsWith("pcie") || part.startsWith("rc")) {
            return "PCIe";
        } else if (part.startsWith("cpu")) {
            return "CPU";
        } else if (part.startsWith("nic0") || part.startsWith("driver")) {
            return "driver";
        } else if (part.startsWith("nic") || part.startsWith("eth")) {
            return "NIC";
        } else if (part.startsWith("offload")) {
            return "offload";
        } else if (part.startsWith("tcp")) {
            return "TCP";
        } else if (part.equals("ab") || part.equals("ba") || part.startsWith("link")) {
            return "wire";
        } else if (part.startsWith("socket")) {
            return "socket";
        }
        return "app";
    }
}
