package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The aggregate's decimals: written as {@link BigInteger#toByteArray} and {@link BigDecimal#scale} give them (the
 * reference bytes below), and read back to an equal decimal (same value and scale), whether or not the unscaled value
 * fits a long.
 */
class CodecBytesTest {
  @Test
  void writeDecimal_anyValue_bytesOfToByteArray_andReadBackEqual() throws IOException {
    Random rnd = new Random(11);
    List<BigDecimal> values = new ArrayList<>();
    for (long edge : new long[] {0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, Long.MAX_VALUE,
        Long.MIN_VALUE, 999_999_999_999_999_999L, -999_999_999_999_999_999L, 1_000_000_000_000_000_000L}) {
      for (int scale : new int[] {-3, 0, 2, 4, 19}) {
        values.add(BigDecimal.valueOf(edge, scale));
        values.add(new BigDecimal(BigInteger.valueOf(edge), scale));
      }
    }
    for (int i = 0; i < 20_000; i++) {
      BigInteger unscaled = new BigInteger(rnd.nextInt(101), rnd);
      values.add(new BigDecimal(rnd.nextBoolean() ? unscaled.negate() : unscaled, rnd.nextInt(23) - 3));
    }
    values.add(new BigDecimal("12.3400"));
    values.add(new BigDecimal("1E+2"));
    values.add(new BigDecimal("0.00"));
    for (BigDecimal v : values) {
      CodecBytes.Out out = new CodecBytes.Out();
      try (DataOutputStream data = new DataOutputStream(out)) {
        CodecBytes.writeDecimal(data, v);
      }
      byte[] written = out.toByteArray();
      assertArrayEquals(reference(v), written, v::toString);
      BigDecimal back = new CodecBytes.In(written, 0).readDecimal();
      assertEquals(v, back); // equals: the same unscaled value and the same scale
      assertEquals(v.toString(), back.toString());
    }
  }

  @Test
  void varLong_handWorkedBytes_andEveryLongBack() {
    // LEB128's own example: 300 = 0b1_0010_1100 -> 0xAC (low 7 bits, more follow), 0x02.
    CodecBytes.Out out = new CodecBytes.Out();
    out.writeVarLong(300);
    out.writeVarLong(0);
    out.writeVarLong(127);
    assertArrayEquals(new byte[] {(byte) 0xAC, 0x02, 0x00, 0x7F}, out.toByteArray());
    Random rnd = new Random(5);
    List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 128L, 16_383L, 16_384L));
    for (int i = 0; i < 10_000; i++) {
      values.add(rnd.nextLong() >> rnd.nextInt(64));
    }
    CodecBytes.Out many = new CodecBytes.Out();
    for (long v : values) {
      many.writeVarLong(v);
    }
    CodecBytes.In in = new CodecBytes.In(many.toByteArray(), 0);
    for (long v : values) {
      assertEquals(v, in.readVarLong());
    }
  }

  @Test
  void smallDecimal_anyValue_readBackEqual_zeroInTwoBytes() {
    Random rnd = new Random(13);
    List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("1E+2"),
        new BigDecimal("12.3400"), BigDecimal.valueOf(Long.MIN_VALUE, 3), BigDecimal.valueOf(Long.MAX_VALUE, -2),
        new BigDecimal(BigInteger.ONE.shiftLeft(200).negate(), Integer.MIN_VALUE),
        new BigDecimal(BigInteger.TEN, Integer.MAX_VALUE)));
    for (int i = 0; i < 20_000; i++) {
      BigInteger unscaled = new BigInteger(rnd.nextInt(101), rnd);
      values.add(new BigDecimal(rnd.nextBoolean() ? unscaled.negate() : unscaled, rnd.nextInt(23) - 3));
    }
    CodecBytes.Out out = new CodecBytes.Out();
    for (BigDecimal v : values) {
      out.writeSmallDecimal(v);
    }
    CodecBytes.In in = new CodecBytes.In(out.toByteArray(), 0);
    for (BigDecimal v : values) {
      BigDecimal back = in.readSmallDecimal();
      assertEquals(v, back); // the same unscaled value and the same scale
      assertEquals(v.toString(), back.toString());
    }
    CodecBytes.Out zero = new CodecBytes.Out();
    zero.writeSmallDecimal(BigDecimal.ZERO);
    assertEquals(2, zero.toByteArray().length);
    CodecBytes.In skipping = new CodecBytes.In(out.toByteArray(), 0);
    for (BigDecimal v : values) {
      skipping.skipSmallDecimal();
    }
    assertEquals(out.toByteArray().length, skipping.position());
  }

  /* The layout as it was written before: scale, then BigInteger's own two's-complement bytes with their length. */
  private static byte[] reference(BigDecimal v) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] unscaled = v.unscaledValue().toByteArray();
      out.writeInt(v.scale());
      out.writeInt(unscaled.length);
      out.write(unscaled);
    }
    return bytes.toByteArray();
  }
}
