package io.cpeoperator.benchmarks; public final class BenchmarkMain { public static void main(String[] a) {} }
