package org.openpetition.notification.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A recipient's choices.
 *
 * @param channels   EMAIL, SMS and/or INBOX: the channels to use (at least one)
 * @param language   zh or en: the language to read first (default zh)
 * @param quietStart start of the recipient's own quiet hours for SMS, HH:mm (with quietEnd)
 * @param quietEnd   end of them, HH:mm
 * @param phone      for a unit or a leader: the mobile number for SMS (11 digits)
 */
public record PreferenceRequest(
        @NotEmpty(message = "至少选择一种渠道 / choose at least one channel")
        @Size(max = 3, message = "最多三种渠道 / at most three channels")
        List<@Pattern(regexp = "EMAIL|SMS|INBOX", message = "渠道应为 EMAIL、SMS 或 INBOX / a channel is EMAIL, SMS or INBOX") String> channels,
        @Pattern(regexp = "zh|en", message = "语言应为 zh 或 en / language is zh or en") String language,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "时间格式应为 HH:mm / time is HH:mm") String quietStart,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "时间格式应为 HH:mm / time is HH:mm") String quietEnd,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "应为11位手机号码 / an 11-digit mobile number") String phone) {
}
