package io.github.atstrust.testkit.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks every stack of one machine, in a fixed order: JDKs, OpenSSL and its users, Python, Node, Go, the CRT, NSS. */
final class Doctor {

    private Doctor() {
    }

    static List<TrustStack> examine(Machine machine) {
        NativeStacks.SystemDefaults system = NativeStacks.SystemDefaults.of(machine);
        List<TrustStack> stacks = new ArrayList<>(JdkStacks.find(machine));
        stacks.add(NativeStacks.openSsl(machine, system));
        stacks.add(NativeStacks.curl(machine));
        stacks.add(NativeStacks.wget(machine, system));
        stacks.add(NativeStacks.gnutls(machine, system));
        stacks.addAll(PythonStacks.find(machine));
        stacks.addAll(NodeStacks.find(machine, system.openSsl()));
        stacks.add(NativeStacks.go(machine));
        stacks.add(NativeStacks.awsCrt(machine));
        stacks.addAll(NativeStacks.nss(machine));
        return List.copyOf(stacks);
    }

    static TrustStack absent(String id, String name, String why) {
        return new TrustStack(id, name, false, "", "", why, "", Optional.empty(), Optional.empty());
    }
}
