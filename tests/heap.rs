//! The wasm's allocator, natively over an arena that stands in for the wasm's memory: any
//! sequence of allocations, frees and reallocations gives blocks that are aligned, inside the
//! memory obtained, apart from every other live block, and that keep their bytes.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use frontline_figures::heap::{Grow, Heap, PAGE};
use proptest::prelude::*;

/// Pages handed out from one arena, in order, as `memory.grow` does; none past its end.
struct Arena {
    base: usize,
    pages: usize,
    used: Cell<usize>,
    /// Pages skipped before the next grow, as if someone else had grown memory in between.
    skip: Cell<usize>,
}

impl Arena {
    fn new(pages: usize) -> Self {
        let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
        // Leaked: each case's arena lives as long as its heap, and the tests are short.
        let base = unsafe { std::alloc::alloc_zeroed(layout) } as usize;
        assert_ne!(base, 0);
        Arena {
            base,
            pages,
            used: Cell::new(0),
            skip: Cell::new(0),
        }
    }

    fn end(&self) -> usize {
        self.base + self.used.get() * PAGE
    }
}

impl Grow for &Arena {
    fn grow(&self, pages: usize) -> Option<usize> {
        let start = self.used.get() + self.skip.take();
        if start + pages > self.pages {
            return None;
        }
        self.used.set(start + pages);
        Some(self.base + start * PAGE)
    }
}

#[derive(Clone, Debug)]
enum Op {
    Alloc { size: usize, align_log: u32 },
    Free(usize),
    Realloc(usize, usize),
    Skip(usize),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let size = prop_oneof![4 => 0usize..100, 2 => 100usize..5_000, 1 => 5_000usize..150_000];
    let op = prop_oneof![
        4 => (size.clone(), 0u32..13).prop_map(|(size, align_log)| Op::Alloc { size, align_log }),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size).prop_map(|(i, n)| Op::Realloc(i, n)),
        1 => (1usize..3).prop_map(Op::Skip),
    ];
    proptest::collection::vec(op, 1..300)
}

struct Live {
    at: usize,
    layout: Layout,
    fill: u8,
}

/// Every live block aligned, inside the memory obtained, apart from the others, and holding
/// the bytes written to it.
fn check(live: &[Live], arena: &Arena) -> Result<(), TestCaseError> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for block in live {
        prop_assert_eq!(block.at % block.layout.align(), 0, "misaligned");
        prop_assert!(block.at >= arena.base && block.at + block.layout.size() <= arena.end());
        let bytes =
            unsafe { std::slice::from_raw_parts(block.at as *const u8, block.layout.size()) };
        prop_assert!(
            bytes.iter().all(|b| *b == block.fill),
            "a block lost its bytes"
        );
        spans.push((block.at, block.at + block.layout.size().max(1)));
    }
    spans.sort();
    for pair in spans.windows(2) {
        prop_assert!(pair[0].1 <= pair[1].0, "blocks overlap: {:?}", pair);
    }
    Ok(())
}

fn fill(at: usize, size: usize, byte: u8) {
    unsafe { std::ptr::write_bytes(at as *mut u8, byte, size) };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn blocks_are_aligned_apart_and_keep_their_bytes(ops in ops()) {
        let arena = Arena::new(256);
        let heap = Heap::new(&arena);
        let mut live: Vec<Live> = Vec::new();
        for (n, op) in ops.into_iter().enumerate() {
            let fill_byte = (n % 251) as u8 + 1;
            match op {
                Op::Alloc { size, align_log } => {
                    let layout = Layout::from_size_align(size, 1 << align_log).unwrap();
                    let at = unsafe { heap.alloc(layout) } as usize;
                    prop_assert_ne!(at, 0, "out of memory at {} pages", arena.used.get());
                    fill(at, size, fill_byte);
                    live.push(Live { at, layout, fill: fill_byte });
                }
                Op::Free(i) if !live.is_empty() => {
                    let block = live.swap_remove(i % live.len());
                    unsafe { heap.dealloc(block.at as *mut u8, block.layout) };
                }
                Op::Realloc(i, size) if !live.is_empty() => {
                    let i = i % live.len();
                    let block = &mut live[i];
                    let at = unsafe { heap.realloc(block.at as *mut u8, block.layout, size) } as usize;
                    prop_assert_ne!(at, 0);
                    let kept = block.layout.size().min(size);
                    let bytes = unsafe { std::slice::from_raw_parts(at as *const u8, kept) };
                    prop_assert!(bytes.iter().all(|b| *b == block.fill), "realloc lost bytes");
                    block.at = at;
                    block.layout = Layout::from_size_align(size, block.layout.align()).unwrap();
                    fill(at, size, block.fill);
                }
                Op::Skip(pages) => arena.skip.set(pages),
                _ => {}
            }
            check(&live, &arena)?;
        }
    }
}

/// A freed block is the next one of its size: the heap does not grow while a program frees
/// what it allocated.
#[test]
fn a_freed_block_is_used_again() {
    let arena = Arena::new(4);
    let heap = Heap::new(&arena);
    let layout = Layout::from_size_align(100, 8).unwrap();
    let first = unsafe { heap.alloc(layout) };
    unsafe { heap.dealloc(first, layout) };
    // Any size of the same class (65 to 128 bytes) gets it back.
    let again = unsafe { heap.alloc(Layout::from_size_align(120, 4).unwrap()) };
    assert_eq!(first, again);
    unsafe { heap.dealloc(again, layout) };
    // A thousand freed blocks are the next thousand, whatever the order they were freed in.
    let blocks: Vec<*mut u8> = (0..1_000).map(|_| unsafe { heap.alloc(layout) }).collect();
    let used = arena.used.get();
    for p in blocks
        .iter()
        .rev()
        .step_by(2)
        .chain(blocks.iter().step_by(2))
    {
        unsafe { heap.dealloc(*p, layout) };
    }
    let mut again: Vec<*mut u8> = (0..1_000).map(|_| unsafe { heap.alloc(layout) }).collect();
    assert_eq!(arena.used.get(), used);
    let mut blocks = blocks;
    blocks.sort();
    again.sort();
    assert_eq!(again, blocks);
}

/// A reallocation within its block's class stays where it is; one past it moves.
#[test]
fn realloc_moves_only_past_its_class() {
    let arena = Arena::new(4);
    let heap = Heap::new(&arena);
    let layout = Layout::from_size_align(70, 1).unwrap();
    let p = unsafe { heap.alloc(layout) };
    assert_eq!(unsafe { heap.realloc(p, layout, 128) }, p);
    assert_ne!(unsafe { heap.realloc(p, layout, 129) }, p);
}

/// Memory that cannot grow is a null pointer (the standard library then reports it), and so
/// is an alignment past a page.
#[test]
fn no_memory_is_a_null_pointer() {
    let arena = Arena::new(2);
    let heap = Heap::new(&arena);
    let big = Layout::from_size_align(3 * PAGE, 8).unwrap();
    assert!(unsafe { heap.alloc(big) }.is_null());
    let odd = Layout::from_size_align(8, 2 * PAGE).unwrap();
    assert!(unsafe { heap.alloc(odd) }.is_null());
    // What did fit still does.
    assert!(!unsafe { heap.alloc(Layout::from_size_align(PAGE, 8).unwrap()) }.is_null());
}
