/** The demo's plugin: a provider loaded and unloaded at run time. */
package meshos.examples.standby;
