package org.openpetition.devinfra;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that keeps what it receives, plus IMAP on a second
 * port so a mail client can read it during a local run. Tests read the delivered mail back.
 *
 * <p>Two settings let it take mail as fast as its CPU allows (measured with the notification benchmark,
 * see the notification README):
 * <ul>
 *   <li>TCP_NODELAY on every SMTP connection. GreenMail writes a reply in pieces; without it Nagle's
 *   algorithm holds the last piece until the client's delayed acknowledgement, about 40 ms per command,
 *   which capped a pool of 16 connections at about 70 mails a second.</li>
 *   <li>The Jakarta Mail stream provider named as a system property. Otherwise every header parse
 *   (several per received mail) looks the provider up with a ServiceLoader scan of the whole class
 *   path: half of the server's CPU.</li>
 * </ul>
 */
public final class SmtpServer implements AutoCloseable {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static SmtpServer start(int smtpPort, int imapPort) {
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        GreenMail greenMail = new NoDelayGreenMail(new ServerSetup[] {
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

    /** GreenMail whose SMTP service answers without Nagle's delay. */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(setups, managers);
            for (ServerSetup setup : setups) {
                if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                    services.put(setup.getProtocol(), new com.icegreen.greenmail.smtp.SmtpServer(setup, managers) {
                        @Override
                        protected void handleClientSocket(Socket socket) throws SocketException {
                            socket.setTcpNoDelay(true);
                            super.handleClientSocket(socket);
                        }
                    });
                }
            }
            return services;
        }
    }
}
