package org.openpetition.devinfra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that keeps what it receives, plus IMAP on a second
 * port so a mail client can read it during a local run. Tests read the delivered mail back.
 */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static SmtpServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, Ports.LOOPBACK, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpServer(greenMail, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received so far. */
    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedFor(String address) {
        return received().stream().filter(m -> isFor(m, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
