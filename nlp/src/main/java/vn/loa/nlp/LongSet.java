package vn.loa.nlp;

import java.util.Arrays;

/**
 * An open-addressing set of {@code long} keys; 0 is not a valid key. Immutable once built with
 * {@link #of(long[])}, so safe to share between threads.
 */
public final class LongSet {

    private final long[] slots;
    private final int mask;
    private final int size;

    private LongSet(long[] slots, int size) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.size = size;
    }

    /** Builds a set of the given keys (zeros and duplicates ignored). */
    public static LongSet of(long[] keys) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        long[] slots = new long[capacity];
        int mask = capacity - 1;
        int size = 0;
        for (long key : keys) {
            if (key == 0) {
                continue;
            }
            int i = (int) Syllables.mix(key) & mask;
            while (slots[i] != 0 && slots[i] != key) {
                i = (i + 1) & mask;
            }
            if (slots[i] == 0) {
                slots[i] = key;
                size++;
            }
        }
        return new LongSet(slots, size);
    }

    /** Whether the key is in the set. */
    public boolean contains(long key) {
        int i = (int) Syllables.mix(key) & mask;
        long slot;
        while ((slot = slots[i]) != 0) {
            if (slot == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** How many keys the set holds. */
    public int size() {
        return size;
    }

    /** The keys in ascending order. */
    public long[] sortedKeys() {
        long[] keys = Arrays.stream(slots).filter(k -> k != 0).toArray();
        Arrays.sort(keys);
        return keys;
    }
}
