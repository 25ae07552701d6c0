/**
 * Scenario files: the records that describe an experiment (hosts, NICs, PCIe, links,
 * switches, workloads, faults, outputs), their strict Jackson binding from JSON or YAML,
 * quantities with units, defaults, {@code --set} overrides and error messages that point at
 * the file, line, column and JSON path.
 *
 * <pre>
 *   toesim run bulk.json --set hosts[1].nic.ccbCapacity=8
 *     ScenarioDocument.read(file)          tree + where every value is
 *       .withOverrides(["hosts[1]..=8"])   edit the tree, remember "--set" as the source
 *       .bind()                            records (ranges) + ScenarioValidator (references)
 *     -&gt; Scenario, or ScenarioException(Problem...) -&gt; exit code 2
 * </pre>
 *
 * No class names appear in files: variants are chosen by named values ({@code "type": "bulk"},
 * {@code "model": "toe"}, {@code "congestionControl": "newreno"}). The JSON Schema
 * {@code toesim-scenario.schema.json} (a resource of this module) describes the same format
 * for editors.
 */
package org.toesim.scenario.spec;
