package org.openpetition.notification.service;

import java.time.LocalTime;
import java.util.Set;
import org.openpetition.notification.Channel;

/**
 * What a recipient chose: the channels to use, the language to read first, their own quiet hours
 * (else the configured ones), and for units and leaders a mobile number for SMS.
 */
public record Preference(String recipientKey, Set<Channel> channels, String language, LocalTime quietStart,
                         LocalTime quietEnd, String phone) {
}
