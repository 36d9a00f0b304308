package io.tributary.cli.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one sorted run's bytes: unsigned and zig-zag variable-length numbers and byte strings into a buffer flushed
 * to a file channel. Numbers take 1-2 bytes for the small ids and time steps of an event log, so a run holds about 6
 * bytes per event where the store holds 15. Every buffer is counted against the spill folder's disk limit before it
 * is written. Not thread-safe; {@link RunInput} reads what this writes.
 */
final class RunOutput implements AutoCloseable {
  private final FileChannel channel;
  private final SpillFolder folder;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long flushed;

  /** Creates the file in {@code folder}; it must not exist. */
  RunOutput(Path file, SpillFolder folder) throws IOException {
    this.folder = folder;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** @return bytes written so far (the position of the next byte) */
  long position() {
    return flushed + buffer.position();
  }

  void writeByte(int b) throws IOException {
    if (!buffer.hasRemaining()) {
      flush();
    }
    buffer.put((byte) b);
  }

  /** Writes {@code v >= 0} in 7-bit groups, low first, the high bit saying another group follows. */
  void writeUnsigned(long v) throws IOException {
    if (buffer.remaining() < 10) {
      flush();
    }
    while ((v & ~0x7FL) != 0) {
      buffer.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    buffer.put((byte) v);
  }

  /* Zig-zag first: small negative numbers (a time earlier than the event before) stay small. */
  void writeSigned(long v) throws IOException {
    writeUnsigned((v << 1) ^ (v >> 63));
  }

  void writeBytes(byte[] b, int from, int length) throws IOException {
    writeUnsigned(length);
    int at = from;
    int left = length;
    while (left > 0) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(left, buffer.remaining());
      buffer.put(b, at, n);
      at += n;
      left -= n;
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    folder.take(buffer.remaining());
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer);
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      channel.close();
    }
  }
}
