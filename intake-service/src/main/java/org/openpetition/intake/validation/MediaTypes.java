package org.openpetition.intake.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Recognises the media type of a file from its first bytes, so that a declared type cannot lie. */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String MP3 = "audio/mpeg";
    public static final String MP4 = "video/mp4";
    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private MediaTypes() {
    }

    /** The media type the content shows, or null if it is none of the known ones. */
    public static String sniff(byte[] content) {
        if (startsWith(content, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        if (startsWith(content, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return PNG;
        }
        if (startsWith(content, 0, "ID3".getBytes(StandardCharsets.US_ASCII))
                || content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0) {
            return MP3;
        }
        if (startsWith(content, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            return MP4;
        }
        if (startsWith(content, 0, new byte[] {'P', 'K', 3, 4})) {
            // a zip container: a Word document has the part word/document.xml; any other zip is refused
            return contains(content, "word/document.xml".getBytes(StandardCharsets.US_ASCII)) ? DOCX : null;
        }
        return isUtf8Text(content) ? TEXT : null;
    }

    private static boolean contains(byte[] content, byte[] part) {
        for (int offset = 0; offset + part.length <= content.length; offset++) {
            if (startsWith(content, offset, part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        if (content.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    private static boolean isUtf8Text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
