// Package exporttest holds what the tests of export and its sub-packages
// share: hand-made graphs (the sample's, one of hostile text, a synthetic
// corpus), the real graphs of the sample opinion and of the shared Supreme
// Court set, and the outside tools the outputs are checked with.
package exporttest
