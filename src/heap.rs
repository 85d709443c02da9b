//! The wasm's memory allocator, in place of the standard library's dlmalloc (4.9 KB of code):
//! blocks in power-of-two size classes, a free list per class, and new blocks cut from the
//! end of memory, which grows a page at a time. A freed block is kept for its class and never
//! merged or returned: a page lives for one view, whose heap is small and made of the same
//! few sizes over and over (BENCHMARKS.md measures what it saves and what it costs).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// The unit by which memory grows: a WebAssembly page.
pub const PAGE: usize = 65_536;
const WORD: usize = size_of::<usize>();

/// Where the heap gets more memory.
pub trait Grow {
    /// The address at which `pages` new pages start, or `None` if memory cannot grow.
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// The allocator over a source of pages. Single-threaded: the wasm has one thread.
pub struct Heap<G> {
    state: UnsafeCell<State>,
    grow: G,
}

struct State {
    /// For each class (a block of `1 << class` bytes), its first free block; each free block
    /// holds the address of the next (0 ends the list).
    free: [usize; usize::BITS as usize],
    /// The end of memory cut into blocks so far, and of memory obtained.
    next: usize,
    end: usize,
}

/// A block's size: a power of two that holds the layout and is aligned as it needs. `None`
/// for a size no block can have.
fn block_size(layout: Layout) -> Option<usize> {
    if layout.align() > PAGE {
        return None;
    }
    layout
        .size()
        .max(layout.align())
        .max(WORD)
        .checked_next_power_of_two()
}

impl<G: Grow> Heap<G> {
    pub const fn new(grow: G) -> Self {
        Heap {
            state: UnsafeCell::new(State {
                free: [0; usize::BITS as usize],
                next: 0,
                end: 0,
            }),
            grow,
        }
    }

    /// A new block of `size` bytes, aligned to its size up to a page, cut from the end.
    fn cut(&self, state: &mut State, size: usize) -> Option<usize> {
        let align = size.min(PAGE);
        loop {
            let at = state.next.checked_add(align - 1)? & !(align - 1);
            let until = at.checked_add(size)?;
            if until <= state.end {
                state.next = until;
                return Some(at);
            }
            let pages = (until - state.end).div_ceil(PAGE);
            let start = self.grow.grow(pages)?;
            // Memory grown by someone else in between: start afresh at the new pages.
            if start != state.end {
                state.next = start;
            }
            state.end = start + pages * PAGE;
        }
    }
}

unsafe impl<G: Grow> GlobalAlloc for Heap<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(size) = block_size(layout) else {
            return core::ptr::null_mut();
        };
        // SAFETY: one thread, and no call below re-enters the allocator.
        let state = unsafe { &mut *self.state.get() };
        let class = size.trailing_zeros() as usize;
        let head = state.free[class];
        if head != 0 {
            // SAFETY: a free block of this class holds the address of the next one.
            state.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        self.cut(state, size)
            .map_or(core::ptr::null_mut(), |at| at as *mut u8)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(size) = block_size(layout) else {
            return;
        };
        // SAFETY: as in `alloc`; the block was this class's and is the caller's no more.
        let state = unsafe { &mut *self.state.get() };
        let class = size.trailing_zeros() as usize;
        unsafe { *(ptr as *mut usize) = state.free[class] };
        state.free[class] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract for `realloc` is that of `Layout::from_size_align`.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if block_size(new) == block_size(layout) {
            return ptr;
        }
        // SAFETY: as the standard library's own default `realloc`.
        unsafe {
            let to = self.alloc(new);
            if !to.is_null() {
                core::ptr::copy_nonoverlapping(ptr, to, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            to
        }
    }
}

/// The wasm's own linear memory.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&self, pages: usize) -> Option<usize> {
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| before * PAGE)
    }
}

// SAFETY: the wasm has one thread.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Heap<WasmMemory> {}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: Heap<WasmMemory> = Heap::new(WasmMemory);
