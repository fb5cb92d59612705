package dev.portcullis.core.engine;

/**
 * One IPv4 /24 or IPv6 /64: how many of its addresses failed (approximately, bounded) and whether
 * anyone logged in from it. An attack spread over a subnet shows here when each address alone looks
 * small; a subnet where users log in (a provider's pool, an office range) is left alone.
 */
final class SubnetState {
    final DistinctSet failingAddresses = new DistinctSet();
    int failures;
    int successes;

    int usefulness() {
        return failures * 2;
    }
}
