fn main() {
    maps_capability_checker::mount();
}
