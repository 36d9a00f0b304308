package io.tributary.cli.load;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a byte range of a run written by {@link RunOutput}, through a buffer of its own. Not thread-safe. */
final class RunInput implements AutoCloseable {
  private final FileChannel channel;
  private final ByteBuffer buffer;
  private long next;
  private final long end;
  private int lastLength;

  /**
   * @param file the run
   * @param from first byte to read
   * @param to one past the last
   * @param bufferBytes the buffer's size
   */
  RunInput(Path file, long from, long to, int bufferBytes) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.buffer = ByteBuffer.allocate((int) Math.max(16, Math.min(bufferBytes, to - from)));
    this.buffer.limit(0);
    this.next = from;
    this.end = to;
  }

  /** @return whether bytes remain in the range */
  boolean hasMore() {
    return buffer.hasRemaining() || next < end;
  }

  int readByte() throws IOException {
    if (!buffer.hasRemaining()) {
      fill();
    }
    return buffer.get() & 0xFF;
  }

  long readUnsigned() throws IOException {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return v;
      }
    }
  }

  long readSigned() throws IOException {
    long z = readUnsigned();
    return (z >>> 1) ^ -(z & 1);
  }

  /**
   * Reads a byte string; its length is then {@link #lastLength()}.
   *
   * @param into where to put it when it fits
   * @return the array holding it: {@code into}, or a larger new one
   */
  byte[] readBytes(byte[] into) throws IOException {
    int length = (int) readUnsigned();
    byte[] out = length <= into.length ? into : new byte[Math.max(length, 2 * into.length)];
    int at = 0;
    while (at < length) {
      if (!buffer.hasRemaining()) {
        fill();
      }
      int n = Math.min(length - at, buffer.remaining());
      buffer.get(out, at, n);
      at += n;
    }
    lastLength = length;
    return out;
  }

  /** @return the length of the byte string read last */
  int lastLength() {
    return lastLength;
  }

  private void fill() throws IOException {
    if (next >= end) {
      throw new EOFException("run ended early");
    }
    buffer.clear();
    int want = (int) Math.min(buffer.capacity(), end - next);
    buffer.limit(want);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, next + buffer.position()) < 0) {
        throw new EOFException("run ended early");
      }
    }
    next += want;
    buffer.flip();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
