package org.openpetition.intake.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The media type comes from the bytes (Tika); a name only tells OOXML documents apart. */
class MediaTypesTest {

    @Test
    void theBytesDecide() throws IOException {
        assertEquals(MediaTypes.PDF, MediaTypes.detect("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "a.pdf", null));
        assertEquals(MediaTypes.PNG, MediaTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
                0, 13, 'I', 'H', 'D', 'R'}, "a.png", null));
        assertEquals(MediaTypes.JPEG, MediaTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
                'J', 'F', 'I', 'F', 0}, "a.jpg", null));
        assertEquals(MediaTypes.TEXT, MediaTypes.detect("第3页 信件正文\n".getBytes(StandardCharsets.UTF_8), "a.txt", null));
        assertEquals(MediaTypes.DOCX, MediaTypes.detect(ooxml("word/document.xml"), "letter.docx", null));
        assertEquals(MediaTypes.DOCX, MediaTypes.detect(ooxml("word/document.xml"), "letter", MediaTypes.DOCX));
        assertEquals("application/x-tika-ooxml", MediaTypes.detect(ooxml("word/document.xml"), "letter", null));
    }

    @Test
    void aNameDoesNotMakeOtherBytesWhatItSays() throws IOException {
        // PDF bytes named as a picture are a PDF; a plain zip named .docx is a zip; an executable named .txt is no text
        assertEquals(MediaTypes.PDF, MediaTypes.detect("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "photo.png", "image/png"));
        assertEquals("application/zip", MediaTypes.detect(zip("notes.txt"), "letter.docx", MediaTypes.DOCX));
        assertEquals("application/x-msdownload",
                MediaTypes.detect(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, "readme.txt", "text/plain"));
    }

    private static byte[] ooxml(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("text".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
