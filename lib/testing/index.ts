// Zone rendering and jest helpers for snapshot-testing what a stack publishes.
export {};
