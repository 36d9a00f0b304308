#!/usr/bin/env python3
"""Writes the hostile-input corpus of this folder (see README.md and MANIFEST.tsv).

The files are committed; this script says how each was made and re-makes them byte for byte:
  python3 sample-data/hostile/generate.py
Gzip members are written with mtime 0 so that re-running changes nothing.
"""
import gzip
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
EV = "customer_id,timestamp,channel,conversion,conversion_value\n"


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def gz(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
        g.write(data)
    return buf.getvalue()


def good_events(n=12):
    """n valid rows: customers c1..c4 touching search/email/display, every third row converts."""
    rows = []
    channels = ["search", "email", "display"]
    for i in range(n):
        conv = i % 3 == 2
        rows.append("c%d,2024-03-%02dT10:00:00Z,%s,%d,%s\n"
                    % (i % 4 + 1, i // 4 + 1, channels[i % 3], 1 if conv else 0, "10" if conv else ""))
    return "".join(rows)


GOOD = good_events()

# ---- the clean inputs side-input cases run beside ---------------------------------------------------------------
write("base/events.csv", EV + GOOD)

# ---- event logs --------------------------------------------------------------------------------------------------
full = EV + good_events(400)
write("events-truncated.csv.gz", gz(full)[: len(gz(full)) // 2])
write("events-latin1.csv", (EV + GOOD + "c9,2024-03-05T10:00:00Z,caf\u00e9,1,5\n").encode("latin-1"))
write("events-utf16.csv", (EV + GOOD).encode("utf-16"))  # with a byte-order mark, as Excel writes it
write("events-bom.csv", b"\xef\xbb\xbf" + (EV + GOOD).encode("utf-8"))
write("events-mixed-delimiters.csv",
      EV + GOOD + "c5;2024-03-05T10:00:00Z;search;1;5\n" + "c6\t2024-03-05T10:00:00Z\temail\t0\t\n" + GOOD)
write("events-quote-spanning-lines.csv",
      EV + GOOD + 'c5,2024-03-05T10:00:00Z,"sea\nrch",1,5\n' + GOOD)
write("events-unterminated-quote.csv", EV + GOOD + 'c5,2024-03-05T10:00:00Z,"search,1,5\n' + GOOD)
write("events-1mb-channel.csv.gz",
      gz(EV + GOOD + "c5,2024-03-05T10:00:00Z," + "x" * 1_000_000 + ",1,5\n" + GOOD))
write("events-control-chars.csv",
      EV + GOOD
      + "c5,2024-03-05T10:00:00Z,sea\x00rch,1,5\n"
      + "c6\x07,2024-03-05T10:00:00Z,email,0,\n"
      + "c7,2024-03-05T10:00:00\x1bZ,email,0,\n"
      + "c8,2024-03-05T10:00:00Z,email\x7f,0,\n"
      + "\x00\x00\x00\n"
      + GOOD)
write("events-nan-infinity.csv",
      EV + GOOD
      + "c5,2024-03-05T10:00:00Z,search,1,NaN\n"
      + "c5,2024-03-05T10:00:00Z,search,1,Infinity\n"
      + "c5,2024-03-05T10:00:00Z,search,1,-Infinity\n"
      + "c5,2024-03-05T10:00:00Z,search,1,1e400\n"
      + "c5,2024-03-05T10:00:00Z,search,1,0x1p3\n"
      + "c5,2024-03-05T10:00:00Z,search,NaN,\n"
      + GOOD)
write("events-timestamps-out-of-range.csv",
      EV + GOOD
      + "c5,0000-01-01T00:00:00Z,search,0,\n"
      + "c5,99999-01-01T00:00:00Z,search,0,\n"
      + "c5,2024-02-30T10:00:00Z,search,0,\n"
      + "c5,2023-02-29 10:00:00,search,0,\n"
      + "c5,1899-12-31T23:59:59Z,search,0,\n"
      + "c5,99999999999999999999,search,0,\n"
      + "c5,2024-03-05T25:00:00Z,search,0,\n"
      + "c5,-62135596800000,search,0,\n"
      + GOOD)
write("events-duplicated-header.csv",
      "customer_id,timestamp,channel,customer_id,conversion\n" + "c1,2024-03-01T10:00:00Z,search,c1,1\n")
write("events-missing-column.csv", "customer_id,channel,conversion\nc1,search,1\n")
write("events-header-only.csv", EV)
write("events-empty.csv", b"")
write("events-zero-conversions.csv", EV + "".join(
    "c%d,2024-03-%02dT10:00:00Z,%s,0,\n" % (i % 5, i % 20 + 1, ["search", "email"][i % 2]) for i in range(20)))
write("events-single-channel.csv", EV + "".join(
    "c%d,2024-03-%02dT10:00:00Z,search,%d,%s\n" % (i % 4, i + 1, i % 3 == 2, "7" if i % 3 == 2 else "")
    for i in range(12)))
# One converting journey over 24 distinct channels: more than the exact Shapley limit (20), so sampled.
write("events-more-channels-than-shapley-limit.csv", EV + "".join(
    "c1,2024-03-01T%02d:00:00Z,ch%02d,%d,%s\n" % (i, i, i == 23, "24" if i == 23 else "") for i in range(24))
    + "c2,2024-03-02T10:00:00Z,ch00,1,1\n")
# One customer with 100,000 touches in a day and then a conversion: one journey of 100,001 events.
write("events-100k-touch-journey.csv.gz", gz(EV + "".join(
    "c1,%d,%s,0,\n" % (1709251200000 + i * 500, ["search", "email", "display", "social"][i % 4])
    for i in range(100_000)) + "c1,1709301200000,search,1,99\n" + GOOD))
write("events-crlf.csv", (EV + GOOD).replace("\n", "\r\n"))
write("events-trailing-delimiter.csv", EV + GOOD + "".join(r + ",\n" for r in GOOD.splitlines()[:3]))
write("events-very-long-line.csv", EV + GOOD + "c5,2024-03-05T10:00:00Z,search,1,5" + "," * 20_000 + "\n" + GOOD)
write("events-empty-and-long-ids.csv",
      EV + GOOD + ",2024-03-05T10:00:00Z,search,0,\n" + "  ,2024-03-05T10:00:00Z,search,0,\n"
      + "u" * 600 + ",2024-03-05T10:00:00Z,search,0,\n" + GOOD)
write("events-bad-flags-and-types.csv",
      "customer_id,timestamp,channel,conversion,conversion_value,event_type\n"
      + "".join(r + ",touch\n" for r in GOOD.splitlines())
      + "c5,2024-03-05T10:00:00Z,search,maybe,,touch\n"
      + "c5,2024-03-05T10:00:00Z,search,0,12,touch\n"
      + "c5,2024-03-05T10:00:00Z,search,1,-3,touch\n"
      + "c5,2024-03-05T10:00:00Z,search,0,,impression\n"
      + "c5,2024-03-05T10:00:00Z,,0,,touch\n"
      + "c5,2024-03-05T10:00:00Z,a>b,0,,touch\n")
write("events-blank-lines-only.csv", EV + "\n\n\r\n\n")
write("events-stray-quote.csv", EV + GOOD + 'c5,2024-03-05T10:00:00Z,"search"x,1,5\n' + GOOD)
write("events-not-csv.csv.gz", gz(bytes(range(256)) * 64))

# ---- path files --------------------------------------------------------------------------------------------------
PH = "path,total_conversions,total_conversion_value,total_null\n"
PGOOD = "search > email,3,30,5\nemail,1,10,4\ndisplay > search,2,20,8\n"
write("paths-negative-and-fractional-counts.csv",
      PH + PGOOD + "search,-1,0,3\n" + "email,2.5,10,1\n" + "display,1,5,-2\n" + "search,3.0,30,1.0\n"
      + "email,1e3,10,0\n")
write("paths-only-nulls.csv", "path,total_conversions,total_null\n"
      + "search > email,0,12\nemail,0,7\ndisplay > search,0,3\n")
write("paths-empty-channel-names.csv",
      PH + PGOOD + "search > > email,1,1,0\n" + "> email,1,1,0\n" + "email >,1,1,0\n" + " ,1,1,0\n" + PGOOD)
write("paths-100k-touch-path.csv.gz", gz(PH + PGOOD + " > ".join(["search", "email"] * 50_000) + ",1,1,0\n"))
write("paths-nan-infinity.csv",
      PH + PGOOD + "search,1,NaN,0\n" + "email,Infinity,1,0\n" + "display,1,1e400,0\n" + "search,0,5,1\n"
      + "email,99999999999999999999,1,0\n")
write("paths-single-channel.csv", PH + "search,5,50,20\n")
write("paths-more-channels-than-shapley-limit.csv",
      PH + " > ".join("ch%02d" % i for i in range(24)) + ",2,20,1\n" + "ch00 > ch01,1,10,3\n")
# Cells a spreadsheet would run as formulas, in an accepted path and in rejected rows.
write("paths-formula-injection.csv", "path,total_conversions,total_null\n"
      + '"=HYPERLINK(""http://evil.example"",""x"")",1,0\n' + "@SUM(1+1)*cmd|' /C calc'!A0,-1,0\n"
      + "search > email,2,3\n" + "+cmd > -2+3,1,x\n")
write("paths-duplicated-header.csv", "path,total_conversions,total_conversions\na > b,1,2\n")

# ---- spend -------------------------------------------------------------------------------------------------------
write("spend-bad-dates-and-amounts.csv",
      "date,channel,spend\n2024-03-01,search,50\n"
      + "2024-02-30,search,10\n" + "-2024-01-01,email,10\n" + "01/03/2024,email,10\n" + "2024-03-01,email,-5\n"
      + "2024-03-01,,5\n" + "2024-03-01,display,NaN\n" + "+99999-01-01,display,1\n" + "2024-03-02,email,20\n")
write("spend-missing-column.csv", "date,channel,amount\n2024-03-01,search,50\n")

# ---- identities --------------------------------------------------------------------------------------------------
write("identities-alias-to-two-customers.csv", "alias_id,customer_id\ndev-a,c1\ndev-b,c2\ndev-a,c3\n")
write("identities-cycle.csv", "alias_id,customer_id\nc1,c2\nc2,c1\n")
write("identities-malformed.csv",
      "alias_id,customer_id\ndev-a,c1\n,c2\ndev-c,\ndev-d,c3,extra\ndev-e\n" + "d" * 600 + ",c4\ndev-f,c2\n")

# ---- consent -----------------------------------------------------------------------------------------------------
write("consent-malformed.csv", "customer_id\nc3\n\"\"\n  \nc4,again\n\"c5 \"\"q\"\"\"\nc6\n" + "z" * 600 + "\n")
write("consent-wrong-header.csv", "cust_id;opted_out\nc3;yes\n")

# ---- second round (issue 17) -------------------------------------------------------------------------------------
# One chain of 60,000 aliases a0 -> a1 -> ... -> a60000 -> c1, the links listed last first: resolving each alias on
# its own walked the rest of the chain (quadratic: 33 s at this length in the CLI, past its test's 20 s budget; now
# 0.1 s; the core's scale test runs 100,000 links).
write("identities-alias-chain.csv.gz", gz("alias_id,customer_id\n" + "".join(
    "a%d,%s\n" % (i, "c1" if i == 60_000 else "a%d" % (i + 1)) for i in range(60_000, -1, -1))))
# Conversions and nulls that add up past the most a run counts (and, all rows together, past 2^63).
write("paths-count-overflow.csv", PH + PGOOD + "search,600000000000000,1,0\n" + "email,0,0,400000000000000\n"
      + "display,5000000000000000000,1,5000000000000000000\n")
# Read with --path-separator '|': "a > b" would print as the path a > b, the same text as the next row's a|b.
write("paths-ambiguous-channel.csv", PH + "search|email,3,30,5\n" + "a > b,1,10,1\n" + "a|b,2,20,2\n")
write("events-non-ascii-digits.csv",
      EV + GOOD
      + "c5,2024-03-05T10:00:00Z,search,1,\u0661\u0662\n"          # Arabic-Indic 12
      + "c5,2024-03-05T10:00:00Z,search,1,\uff11\uff12\n"          # full-width 12
      + "c5,\u0661\u0667\u0660\u0669\u0662\u0668\u0668\u0661\u0660\u0660\u0660\u0660\u0660,search,0,\n"  # epoch ms
      + GOOD)
write("events-300-digit-value.csv", EV + GOOD + "c5,2024-03-05T10:00:00Z,search,1," + "9" * 300 + "\n" + GOOD)
# Epoch seconds where milliseconds are expected: read as ms they are 20 January 1970.
write("events-epoch-seconds.csv", EV + GOOD + "c5,1709632800,search,0,\n" + "c5,1709636400,email,1,5\n"
      + "c6,1709640000,display,0,\n" + GOOD)
# Read with --timezone America/New_York: 02:30 and 02:45 on 2024-03-10 do not exist there (clocks jump 02:00 -> 03:00).
write("events-dst-gap.csv", EV + GOOD + "c5,2024-03-10 02:30:00,search,0,\n" + "c5,2024-03-10T02:45:00,email,1,5\n"
      + GOOD)
# Beside base/events.csv (customers c1..c4): C1 differs from c1 in case, " c2 " is c2 once trimmed, ghost is nobody.
write("consent-case-different.csv", "customer_id\nC1\n c2 \nghost\n")

# ---- reading (issue 17): quoted line breaks, encoding errors, compression decided by content ---------------------
# A quoted line break in a column Tributary ignores: the row is fine, and the rows after it keep their real lines
# (the bad flag below the break is on line 16, not 15).
write("events-quoted-break-ignored-column.csv",
      "customer_id,timestamp,channel,conversion,conversion_value,note\n"
      + "".join(r + ",ok\n" for r in GOOD.splitlines())
      + 'c5,2024-03-05T10:00:00Z,search,0,,"first line\nsecond line"\n'
      + "c5,2024-03-05T11:00:00Z,email,maybe,,ok\n"
      + "c5,2024-03-05T12:00:00Z,display,1,5,ok\n")
# A path file with a quoted line break in an ignored column (accepted) and inside a path (rejected for the control
# character, never read as a second path "arch").
write("paths-quoted-line-break.csv",
      "path,total_conversions,total_conversion_value,total_null,note\n"
      + "search > email,3,30,5,ok\n"
      + 'email,1,10,4,"two\nlines"\n'
      + '"display > se\narch",2,20,8,x\n'
      + "display > search,2,20,8,x\n")
# A byte that is not UTF-8 far into a file (line 15,001), past any first buffer.
write("events-latin1-line-15001.csv.gz",
      gz((EV + "".join("c%d,2024-03-%02dT10:00:00Z,search,0,\n" % (i % 97, i % 28 + 1) for i in range(14_999))
          + "c9,2024-03-05T10:00:00Z,caf\u00e9,1,5\n" + GOOD).encode("latin-1")))
write("spend-latin1.csv", ("date,channel,spend\n2024-03-01,search,50\n2024-03-02,caf\u00e9,10\n").encode("latin-1"))
# Compression is decided by the bytes, not the name.
write("events-plain-named-gz.csv.gz", EV + GOOD)
write("events-gzip-named-csv.csv", gz(EV + GOOD))
