package io.github.atstrust.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything {@code ats} prints passes through here: control characters (but newline and tab) and Unicode
 * direction overrides are written as {@code \}{@code uXXXX}, so a certificate's subject or a file's name can
 * neither drive the terminal (clear the screen, move the cursor, print a forged "Verdict: READY" line after a
 * carriage return) nor reorder what is shown. The escape is JSON's, so {@code --json} output stays valid.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** Whether {@code c} would act on a terminal or on the order of the text instead of being shown. */
    static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e
                || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    @Override
    public void write(int c) throws IOException {
        if (isUnsafe((char) c)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (isUnsafe(chars[i])) {
                out.write(chars, start, i - start);
                write(chars[i]);
                start = i + 1;
            }
        }
        out.write(chars, start, offset + length - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
