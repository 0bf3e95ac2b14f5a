package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.ext.mail.MailMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.notification.Channel;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/** The MIME form of a notice email (unit test of one class; the delivered form is read back in PetitionerNoticesTest). */
class MimeNoticeTest {

    private final MimeNotice mime = new MimeNotice("信访工作平台 <noreply@openpetition.local>", BeijingTime.ZONE);

    @Test
    void aLongChineseSubjectIsFoldedIntoWholeEncodedWords() throws Exception {
        String subject = "信访事项受理告知书（XF20261124-ABCDEFGH）：达州市达川区住房和城乡建设局已受理您的信访事项🙂，请于规定期限内关注办理情况";
        String encoded = MimeNotice.encodeWords(subject);
        String[] words = encoded.split("\r\n ");
        assertTrue(words.length > 3, encoded);
        for (String word : words) {
            assertTrue(word.length() <= 75, "an encoded word is at most 75 characters: " + word);
            assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
            // each word decodes on its own: no character is split between two words
            assertFalse(MimeUtility.decodeWord(word).contains("\uFFFD"), word);
        }
        assertEquals(subject, MimeUtility.decodeText(encoded.replace("\r\n", "")));
    }

    @Test
    void plainAsciiStaysAsItIsAndLineBreaksCannotStartAHeader() throws Exception {
        assertEquals("Case XF-1 accepted", MimeNotice.encodeWords("Case XF-1 accepted"));
        String injected = MimeNotice.encodeWords("Hello\r\nBcc: someone@example.org");
        assertFalse(injected.contains("Bcc:"), injected);
        assertEquals("Hello  Bcc: someone@example.org", MimeUtility.decodeText(injected.replace("\r\n", "")));
    }

    @Test
    void theBodyIsUtf8InBase64LinesOf76AndEveryHeaderIsSet() {
        UUID id = UUID.randomUUID();
        String body = "张三：\n\n您的信访事项已登记。".repeat(20);
        MailMessage message = mime.encode(new Claimed(id, "e-1", UUID.randomUUID(), "RECEIPT", Channel.EMAIL, "p@example.org",
                "信访事项登记回执", body, 0, null));
        assertTrue(message.isFixedHeaders());
        String[] lines = message.getText().split("\n");
        assertTrue(lines.length > 1);
        for (String line : lines) {
            assertTrue(line.length() <= 76, line);
        }
        assertEquals(body, new String(Base64.getMimeDecoder().decode(message.getText()), StandardCharsets.UTF_8));
        assertEquals("<" + id + "@openpetition.local>", message.getHeaders().get("Message-ID"));
        assertEquals("p@example.org", message.getHeaders().get("To"));
        assertEquals("base64", message.getHeaders().get("Content-Transfer-Encoding"));
        assertTrue(message.getHeaders().get("From").endsWith(" <noreply@openpetition.local>"));
        assertTrue(message.getHeaders().get("Date").matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0800"),
                message.getHeaders().get("Date"));
        assertEquals(message.getTo(), java.util.List.of("p@example.org"));
    }

    @Test
    void anAddressThatCouldCarryAHeaderOrIsNotAsciiIsRefusedForGood() {
        assertThrows(ChannelSender.PermanentFailure.class, () -> mime.encode(new Claimed(UUID.randomUUID(), "e-1", null, "RECEIPT",
                Channel.EMAIL, "p@example.org\r\nBcc: x@example.org", "s", "b", 0, null)));
        assertThrows(ChannelSender.PermanentFailure.class, () -> mime.encode(new Claimed(UUID.randomUUID(), "e-1", null, "RECEIPT",
                Channel.EMAIL, "not-an-address", "s", "b", 0, null)));
        assertThrows(ChannelSender.PermanentFailure.class, () -> mime.encode(new Claimed(UUID.randomUUID(), "e-1", null, "RECEIPT",
                Channel.EMAIL, "张三@例子.中国", "s", "b", 0, null)), "the mail client does not speak SMTPUTF8");
    }
}
