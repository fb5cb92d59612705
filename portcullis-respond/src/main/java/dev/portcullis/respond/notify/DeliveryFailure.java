package dev.portcullis.respond.notify;

/**
 * An attempt to deliver failed. {@code handedOver}: the message may have reached the receiver (the
 * connection broke during or after the transfer, a response never came), so sending it again could
 * make a duplicate; otherwise the failure is definite (could not connect, refused before the
 * message was sent, refused with an error) and a retry is safe. The message never carries a secret.
 */
public final class DeliveryFailure extends Exception {
    private final boolean handedOver;

    public DeliveryFailure(String message, boolean handedOver, Throwable cause) {
        super(message, cause);
        this.handedOver = handedOver;
    }

    public boolean handedOver() {
        return handedOver;
    }
}
