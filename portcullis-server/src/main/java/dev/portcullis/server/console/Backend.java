package dev.portcullis.server.console;

import dev.portcullis.server.GateControl;
import dev.portcullis.server.GateHealth;
import dev.portcullis.server.console.auth.SignIn;
import java.util.function.Supplier;

/**
 * What the console's pages work with: the gate's operations ({@link GateControl}: reads on the gate's
 * thread, audited changes on the admin thread, the store), the credential check, the gate's health,
 * the sessions. Never the gate itself: console threads must not touch it.
 */
public record Backend(GateControl gate, SignIn signIn, Supplier<GateHealth> health, Sessions sessions) {}
