package dev.portcullis.server.console.auth;

/** A signed-in console user: who (for the audit trail) and what they may do. */
public record ConsoleUser(String name, Role role) {}
