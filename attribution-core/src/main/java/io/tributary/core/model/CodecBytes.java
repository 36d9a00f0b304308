package io.tributary.core.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link AggregateCodec}'s byte plumbing without the per-byte locks of {@link java.io.ByteArrayOutputStream} and
 * {@link ByteArrayInputStream}: a merge of a segmented run reads millions of ints, each one a locked call per byte
 * through {@link DataInputStream}. The bytes are {@link java.io.DataOutput}'s, big-endian, strings in modified UTF-8.
 */
final class CodecBytes {
  private CodecBytes() {}

  /** A growable byte array to wrap in a {@link java.io.DataOutputStream}; not thread-safe. */
  static final class Out extends OutputStream {
    private byte[] buf;
    private int size;

    Out() {
      this(1024);
    }

    /** @param capacity the bytes expected: none of the array's growth copies below it (a payload is tens of MB) */
    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, 2 * buf.length);
      }
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(size + len, 2 * buf.length));
      }
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    /** Writes {@code v} in 7-bit groups, low first, the high bit set on all but the last: 1 byte below 128. */
    void writeVarLong(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    /**
     * Writes {@code v} in a few bytes: its scale and form as one {@link #writeVarLong} (zigzag scale, shifted, and a
     * low bit for the form), then an unscaled value that fits a long as a zigzag {@link #writeVarLong} (a zero is 2
     * bytes in all), any other as the length and bytes of {@link BigInteger#toByteArray}.
     */
    void writeSmallDecimal(BigDecimal v) {
      long scale = zigzag(v.scale());
      if (v.precision() <= 18) {
        long x = v.signum() == 0 ? 0 : v.scale() == 0 ? v.longValue() : v.scaleByPowerOfTen(v.scale()).longValue();
        writeVarLong(scale << 1);
        writeVarLong(zigzag(x));
        return;
      }
      byte[] unscaled = v.unscaledValue().toByteArray();
      writeVarLong(scale << 1 | 1);
      writeVarLong(unscaled.length);
      write(unscaled, 0, unscaled.length);
    }
  }

  static long zigzag(long v) {
    return v << 1 ^ v >> 63;
  }

  static long unzigzag(long z) {
    return z >>> 1 ^ -(z & 1);
  }

  /**
   * Writes {@code v} as its scale (an int), the length of its unscaled value's two's-complement bytes (an int) and
   * those bytes, big-endian and as few as hold the sign ({@link BigInteger#toByteArray}'s): a value whose unscaled
   * digits fit a long is written from the long, without the {@link BigInteger} and byte array
   * {@link BigDecimal#unscaledValue} would make (the same bytes).
   */
  static void writeDecimal(java.io.DataOutput out, BigDecimal v) throws java.io.IOException {
    out.writeInt(v.scale());
    if (v.precision() <= 18) {
      long x = v.scale() == 0 ? v.longValue() : v.scaleByPowerOfTen(v.scale()).longValue();
      int n = longBytes(x);
      out.writeInt(n);
      for (int i = n - 1; i >= 0; i--) {
        out.writeByte((int) (x >> (8 * i)));
      }
      return;
    }
    byte[] unscaled = v.unscaledValue().toByteArray();
    out.writeInt(unscaled.length);
    out.write(unscaled);
  }

  /** @return the number of bytes {@link BigInteger#toByteArray} gives for {@code x}: its bit length, sign bit and all */
  static int longBytes(long x) {
    int bitLength = 64 - Long.numberOfLeadingZeros(x < 0 ? ~x : x);
    return bitLength / 8 + 1;
  }

  /** Reads what a {@link java.io.DataOutputStream} wrote, from a position in a byte array; not thread-safe. */
  static final class In {
    private final byte[] b;
    private int pos;

    In(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    int position() {
      return pos;
    }

    int readInt() {
      int p = pos;
      check(4);
      pos = p + 4;
      return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    long readLong() {
      long hi = readInt() & 0xFFFF_FFFFL;
      return hi << 32 | (readInt() & 0xFFFF_FFFFL);
    }

    boolean readBoolean() {
      check(1);
      return b[pos++] != 0;
    }

    /** @return a string of {@link java.io.DataOutput#writeUTF} */
    String readUTF() {
      check(2);
      int len = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
      check(2 + len);
      int from = pos + 2;
      boolean ascii = true;
      for (int i = from; i < from + len && ascii; i++) {
        ascii = b[i] > 0; // modified UTF-8 writes NUL as two bytes: a single 0 byte never occurs
      }
      String s;
      if (ascii) {
        s = new String(b, from, len, StandardCharsets.ISO_8859_1);
      } else {
        try {
          s = DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(b, pos, 2 + len)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      pos = from + len;
      return s;
    }

    void skipUTF() {
      check(2);
      int len = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
      check(2 + len);
      pos += 2 + len;
    }

    BigDecimal readDecimal() {
      int scale = readInt();
      int n = readInt();
      check(n);
      BigDecimal v;
      if (n > 0 && n <= 8) {
        // Nearly every value (a path's or a credit's sum) fits a long: read it as one, with no BigInteger and its
        // magnitude array beside the decimal (a segmented merge decodes millions of them, and keeps them).
        long x = b[pos]; // the sign comes from the first byte
        for (int i = 1; i < n; i++) {
          x = x << 8 | (b[pos + i] & 0xFF);
        }
        v = BigDecimal.valueOf(x, scale);
      } else {
        v = new BigDecimal(new BigInteger(b, pos, n), scale);
      }
      pos += n;
      return v;
    }

    /** @return a value of {@link Out#writeVarLong} */
    long readVarLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        check(1);
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new UncheckedIOException(new java.io.IOException("a variable-length number of more than 64 bits at " + pos));
    }

    /** @return a non-negative int of {@link Out#writeVarLong} */
    int readVarInt() {
      long v = readVarLong();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new UncheckedIOException(new java.io.IOException("a count out of range at " + pos + ": " + v));
      }
      return (int) v;
    }

    /** @return a decimal of {@link Out#writeSmallDecimal}, equal to the one written (same value, same scale) */
    BigDecimal readSmallDecimal() {
      long head = readVarLong();
      int scale = Math.toIntExact(unzigzag(head >>> 1));
      if ((head & 1) == 0) {
        return BigDecimal.valueOf(unzigzag(readVarLong()), scale);
      }
      int n = readVarInt();
      check(n);
      BigInteger unscaled = new BigInteger(b, pos, n);
      pos += n;
      return new BigDecimal(unscaled, scale);
    }

    void skipSmallDecimal() {
      if ((readVarLong() & 1) == 0) {
        readVarLong();
      } else {
        skip(readVarInt());
      }
    }

    void skipDecimal() {
      readInt();
      int n = readInt();
      check(n);
      pos += n;
    }

    void skip(int n) {
      check(n);
      pos += n;
    }

    private void check(int n) {
      if (n < 0 || pos + n > b.length) {
        throw new UncheckedIOException(new java.io.EOFException("aggregate bytes end early at " + pos));
      }
    }
  }
}
