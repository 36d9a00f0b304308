package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engines (the CLI and this job) use the core's API, not its internals. Read from their compiled classes, not
 * their sources, so that no way of reaching a type escapes: an import, a fully qualified name, a {@code var}, or a
 * call whose return type is internal (its descriptor names the type) all leave the type's name in the class file.
 * Every core type an engine's bytecode names must be public, outside any {@code internal} package, and not marked
 * {@link Internal} (the columnar path table, the solvers). Lives in this module because it alone sees both engines.
 */
class EngineApiTest {
  private static final Pattern CORE_TYPE = Pattern.compile("io/tributary/core/[A-Za-z0-9_/$]+");

  @Test
  void engineClasses_referenceOnlyTheCoresApi() throws Exception {
    TreeMap<String, Set<String>> users = new TreeMap<>();
    int classes = 0;
    for (Class<?> engine : List.of(io.tributary.cli.Main.class, AttributionJob.class)) {
      for (Compiled c : compiled(engine)) {
        classes++;
        Matcher m = CORE_TYPE.matcher(new String(c.bytes(), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          users.computeIfAbsent(m.group().replace('/', '.'), k -> new TreeSet<>()).add(c.name());
        }
      }
    }
    assertTrue(classes > 100, classes + " engine classes read");
    assertTrue(users.containsKey("io.tributary.core.paths.PathCounts"), "the scan sees core types: " + users.keySet());
    List<String> internal = new ArrayList<>();
    for (var e : users.entrySet()) {
      String why = notApi(e.getKey());
      if (why != null) {
        internal.add(e.getKey() + " (" + why + ") used by " + e.getValue());
      }
    }
    assertEquals(List.of(), internal);
  }

  @Test
  void theInternalTypes_areMarked() throws ClassNotFoundException {
    // The check above is only as good as the marks: the types named internal by the core's design carry them.
    for (String name : List.of("io.tributary.core.paths.PathTable", "io.tributary.core.paths.ChannelDictionary",
        "io.tributary.core.model.shapley.HarsanyiShapley", "io.tributary.core.clv.BgNbdLikelihood")) {
      assertEquals("marked internal", notApi(name), name);
    }
    assertEquals("not public", notApi("io.tributary.core.model.markov.AbsorptionSolver"));
    assertEquals(null, notApi("io.tributary.core.paths.PathCounts"));
  }

  /** @return why a core type is not API, or null when it is */
  private static String notApi(String name) throws ClassNotFoundException {
    if (name.contains(".internal.")) {
      return "internal package";
    }
    // Every name a class file holds under io/tributary/core/ is a type's: one that does not load fails the test.
    Class<?> type = Class.forName(name, false, EngineApiTest.class.getClassLoader());
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return "not public";
      }
      if (t.isAnnotationPresent(Internal.class)) {
        return "marked internal";
      }
    }
    return null;
  }

  private record Compiled(String name, byte[] bytes) {}

  /** @return the class files of the module (a folder or a jar) {@code engine} was loaded from */
  private static List<Compiled> compiled(Class<?> engine) throws IOException, URISyntaxException {
    Path root = Path.of(engine.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Compiled> out = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          out.add(new Compiled(root.relativize(f).toString(), Files.readAllBytes(f)));
        }
      }
      return out;
    }
    try (JarFile jar = new JarFile(root.toFile())) {
      for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        try (InputStream in = jar.getInputStream(e)) {
          out.add(new Compiled(e.getName(), in.readAllBytes()));
        }
      }
    }
    return out;
  }
}
