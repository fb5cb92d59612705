package dev.portcullis.core;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LruTableTest {
    /** The reference: a LinkedHashMap in access order that forgets its eldest entry past the cap. */
    private static <V> Map<String, V> model(int cap) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > cap;
            }
        };
    }

    private static <V> List<String> keys(LruTable<V> t) {
        List<String> out = new ArrayList<>();
        t.keys().forEach(out::add);
        return out;
    }

    @Test
    void behavesLikeAnAccessOrderedLinkedHashMapUnderChurn() {
        // 40,000 random gets, puts and removes over a key space larger than the cap: every answer,
        // the size and (now and then) the whole order must match the reference
        Random r = new Random(11);
        int cap = 300;
        LruTable<Integer> t = new LruTable<>(cap);
        Map<String, Integer> m = model(cap);
        for (int step = 0; step < 40_000; step++) {
            String k = "s" + r.nextInt(700);
            switch (r.nextInt(3)) {
                case 0 -> assertThat(t.get(k)).isEqualTo(m.get(k));
                case 1 -> assertThat(t.put(k, step)).isEqualTo(m.put(k, step));
                default -> assertThat(t.remove(k)).isEqualTo(m.remove(k));
            }
            assertThat(t.size()).isEqualTo(m.size()).isLessThanOrEqualTo(cap);
            if (step % 1_000 == 0) {
                assertThat(keys(t)).containsExactlyElementsOf(m.keySet());
            }
        }
        assertThat(keys(t)).containsExactlyElementsOf(m.keySet());
    }

    @Test
    void aFloodOfNewKeysStaysAtTheCapAndForgetsTheLeastRecentlyUsed() {
        LruTable<String> t = new LruTable<>(1_000);
        t.put("kept", "x");
        for (int i = 0; i < 20_000; i++) {
            t.put("flood" + i, "v");
            if (i % 500 == 0) {
                t.get("kept"); // used now and then: never the eldest
            }
            assertThat(t.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(t.size()).isEqualTo(1_000);
        assertThat(t.get("kept")).isEqualTo("x");
        assertThat(t.get("flood0")).isNull();
        assertThat(t.get("flood19999")).isEqualTo("v");
    }

    @Test
    void putAndRemoveChurnNeverFillsTheIndex() {
        // the join pattern: each key put once, removed soon after; removal leaves no tombstones
        LruTable<int[]> t = new LruTable<>(65_536);
        for (int i = 0; i < 50_000; i++) {
            t.put("session" + i, new int[] {i});
            if (i >= 3) {
                assertThat(t.remove("session" + (i - 3))).isNotNull();
            }
        }
        assertThat(t.size()).isEqualTo(3);
        assertThat(keys(t)).containsExactly("session49997", "session49998", "session49999");
    }

    @Test
    void stringHashCodeCollisionsAreDistinctKeys() {
        // "Aa" and "BB" share String.hashCode; 2^10 keys built from them all collide there
        List<String> colliding = new ArrayList<>();
        for (int i = 0; i < 1 << 10; i++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 10; bit++) {
                b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(b.toString());
        }
        assertThat(colliding.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        LruTable<Integer> t = new LruTable<>(10_000);
        for (int i = 0; i < colliding.size(); i++) {
            t.put(colliding.get(i), i);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(t.get(colliding.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < colliding.size(); i += 2) {
            assertThat(t.remove(colliding.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(t.get(colliding.get(i))).isEqualTo(i % 2 == 0 ? null : i);
        }
        assertThat(t.size()).isEqualTo(colliding.size() / 2);
    }

    @Test
    void eldestFirstWalkAndRemovalById() {
        LruTable<String> t = new LruTable<>(10);
        t.put("a", "1");
        t.put("b", "2");
        t.put("c", "3");
        t.get("a");
        int id = t.eldest();
        assertThat(t.keyAt(id)).isEqualTo("b");
        assertThat(t.keyAt(t.newer(id))).isEqualTo("c");
        assertThat(t.removeAt(t.newer(id))).isEqualTo("3");
        assertThat(keys(t)).containsExactly("b", "a");
        List<String> pairs = new ArrayList<>();
        t.entries().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue()));
        assertThat(pairs).containsExactly("b=2", "a=1");
        t.clear();
        assertThat(t.size()).isZero();
        assertThat(t.eldest()).isEqualTo(-1);
        assertThat(t.get("a")).isNull();
    }

    @Test
    void iteratorsFailFastWhenTheTableChanges() {
        LruTable<String> t = new LruTable<>(10);
        t.put("a", "1");
        t.put("b", "2");
        var it = t.values().iterator();
        it.next();
        t.get("a"); // a recency change
        assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
    }
}
