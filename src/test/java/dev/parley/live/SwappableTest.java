package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwappableTest {

    /** A part that knows whether it was closed, and how often. */
    static final class Part implements AutoCloseable {
        final String name;
        int closed;

        Part(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void aPartNobodyUsesIsClosedWhenReplaced() {
        Part first = new Part("first");
        Part second = new Part("second");
        Swappable<Part> holder = new Swappable<>(first);

        holder.replace(second);

        assertThat(first.closed).isEqualTo(1);
        assertThat(holder.current()).isSameAs(second);
        assertThat(second.closed).isZero();
    }

    @Test
    void aLeasedPartServesItsUserToTheEndAndIsClosedWhenTheLastLeaseIsReturned() {
        Part first = new Part("first");
        Part second = new Part("second");
        Swappable<Part> holder = new Swappable<>(first);
        Swappable.Lease<Part> utterance = holder.lease();
        Swappable.Lease<Part> another = holder.lease();

        holder.replace(second);

        assertThat(utterance.part()).isSameAs(first);
        assertThat(holder.lease().part()).as("work starting now").isSameAs(second);
        assertThat(first.closed).as("still in use").isZero();
        assertThat(holder.openParts()).isEqualTo(2);
        utterance.close();
        utterance.close(); // a second return counts once
        assertThat(first.closed).isZero();
        another.close();
        assertThat(first.closed).isEqualTo(1);
        assertThat(holder.openParts()).isEqualTo(1);
    }

    @Test
    void returningALeaseOfTheCurrentPartClosesNothing() {
        Part first = new Part("first");
        Swappable<Part> holder = new Swappable<>(first);

        holder.lease().close();

        assertThat(first.closed).isZero();
    }

    @Test
    void replacingWithThePartInUseChangesNothing() {
        Part first = new Part("first");
        Swappable<Part> holder = new Swappable<>(first);

        holder.replace(first);

        assertThat(first.closed).isZero();
        assertThat(holder.current()).isSameAs(first);
    }

    @Test
    void closingClosesTheCurrentPartAtOnceOrWhenItsLastUserIsDone() {
        Part first = new Part("first");
        Part second = new Part("second");
        Swappable<Part> holder = new Swappable<>(first);
        Swappable.Lease<Part> answer = holder.lease();
        holder.replace(second);

        holder.close();
        holder.close();

        assertThat(second.closed).isEqualTo(1);
        assertThat(first.closed).as("its answer still plays").isZero();
        answer.close();
        assertThat(first.closed).isEqualTo(1);
    }

    @Test
    void aPartArrivingAfterCloseIsClosedRatherThanLeftOpen() {
        Swappable<Part> holder = new Swappable<>(new Part("first"));
        holder.close();
        Part late = new Part("late");

        holder.replace(late);

        assertThat(late.closed).isEqualTo(1);
    }
}
