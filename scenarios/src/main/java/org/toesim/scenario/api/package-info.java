/** The library entry point: {@link org.toesim.scenario.api.Toesim} (docs/library.md). */
package org.toesim.scenario.api;
