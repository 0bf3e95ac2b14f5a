package org.openpetition.notification.service;

/** Masks addresses for logs, the delivery log and dead letters: 138****5678, z***@example.org. */
public final class Masking {

    private Masking() {
    }

    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.matches("\\+?\\d{7,}")) {
            return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
        }
        return address;
    }
}
