package io.tributary.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public core type that is not part of the core's API: it is public only because other core packages (or the
 * benchmarks, which measure it) use it. The engines (the CLI and the Spark job) must not reach it, not even through a
 * method's return type; {@code EngineApiTest} reads the engines' compiled classes and fails on any reference to such
 * a type. Where a type can be package-private, it is: this mark is for the rest (the columnar path table every model
 * package reads, the solvers the benchmarks time).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Internal {}
