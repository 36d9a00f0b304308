package io.tributary.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table's commits as its log files name them: the latest version and a commit's {@code userMetadata}, read
 * straight from {@code _delta_log} by the Delta protocol's file layout (commit {@code v} is the file
 * {@code %020d.json}, one action per line, its {@code commitInfo} action carrying {@code userMetadata}). Delta's own
 * history API answers the same but runs a Spark job per call; the writer asks after every commit, and a re-run asks
 * for every table before it writes (issue 16: those jobs were most of a re-run's extra time). The publish step reads
 * {@code run_log}'s newest rows by the same route ({@link #appended}).
 */
final class DeltaCommits {
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path log;
  private final FileSystem fs;

  /** @param table the table's folder */
  DeltaCommits(String table, Configuration conf) {
    this.log = new Path(table, "_delta_log");
    try {
      this.fs = log.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the table's latest version: the highest commit file in its log (a log whose older commits were cleaned
   *     up after a checkpoint still keeps its latest commit file)
   * @throws IllegalStateException when the folder holds no Delta commit
   */
  long latest() {
    try {
      long latest = -1;
      for (FileStatus f : fs.listStatus(log)) {
        String name = f.getPath().getName();
        if (COMMIT_FILE.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      if (latest < 0) {
        throw new IllegalStateException("no Delta commit under " + log);
      }
      return latest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the {@code userMetadata} of commit {@code version}, or null when it has none or the file is gone */
  String userMetadata(long version) {
    Path commit = new Path(log, String.format(Locale.ROOT, "%020d.json", version));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.contains("\"commitInfo\"")) {
          JsonNode info = JSON.readTree(line).path("commitInfo").path("userMetadata");
          return info.isTextual() ? info.asText() : null;
        }
      }
      return null;
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The data files commit {@code version} added, when the commit only added rows: its actions are {@code add} (without
   * a deletion vector), {@code commitInfo}, {@code metaData}, {@code protocol} and {@code txn} only, so the table after
   * it holds the rows before it plus the rows of these files. Any other action ({@code remove}, {@code cdc}, a
   * deletion vector...) makes the answer unknown.
   *
   * @return the added files' paths, or null when the commit is not a plain append or its file is gone (log cleanup)
   */
  List<Path> appended(long version) {
    Path commit = new Path(log, String.format(Locale.ROOT, "%020d.json", version));
    List<Path> files = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode action = JSON.readTree(line);
        if (action.has("add")) {
          JsonNode add = action.get("add");
          if (add.hasNonNull("deletionVector") || !add.path("path").isTextual()) {
            return null;
          }
          files.add(dataFile(add.get("path").asText()));
        } else if (!(action.has("commitInfo") || action.has("metaData") || action.has("protocol")
            || action.has("txn"))) {
          return null;
        }
      }
      return files;
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read Delta commit " + commit + ": " + e.getMessage(), e);
    }
  }

  /* An add action's path: a URI, relative to the table's folder unless absolute (the Delta protocol). */
  private Path dataFile(String path) throws URISyntaxException {
    Path p = new Path(new URI(path));
    return p.isAbsolute() ? p : new Path(log.getParent(), p);
  }
}
