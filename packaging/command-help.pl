#!/usr/bin/perl
# Turns the output of `planctl COMMAND --help` (CLI11's layout) into man(7) text for one
# subsection of planctl(1): the usage line as the heading, the description as paragraphs,
# each option as a tagged paragraph, the examples in constant width.
#   command-help.pl < help.txt > section.roff
# help2man formats only the top-level help; this does the same job for each command, so the
# whole page is still generated from --help.
use strict;
use warnings;

binmode STDIN, ':raw';
binmode STDOUT, ':raw';

# Text as roff: backslashes, leading dots and apostrophes, and hyphens that must stay minus.
sub esc {
    my ($s) = @_;
    $s =~ s/\\/\\e/g;
    $s =~ s/-/\\-/g;
    $s =~ s/^([.'])/\\&$1/;
    return $s;
}

# `-f,--format TEXT:{a,b}=a` → bold names, italic value placeholder.
sub option_tag {
    my ($spec) = @_;
    my ($names, $rest) = $spec =~ /^(\S+)\s*(.*)$/;
    my @out;
    if ($names =~ /^-/) {
        push @out, join(', ', map { '\fB' . esc($_) . '\fR' } split /,/, $names);
    } else {
        # A positional: its name and type, e.g. `FILE FILE ... REQUIRED`.
        push @out, '\fI' . esc($names) . '\fR';
    }
    push @out, '\fI' . esc($rest) . '\fR' if length $rest;
    return join(' ', @out);
}

my @lines = map { s/\r?\n\z//r } <STDIN>;
my ($usage) = grep { /^Usage: / } @lines;
die "command-help.pl: no \"Usage:\" line in the help\n" unless defined $usage;
$usage =~ s/^Usage: //;

my $out = '.SS "' . esc($usage) . "\"\n";
my $mode = 'text';    # text | options | example
my $para = 0;         # inside a paragraph of running text
for (my $i = 0; $i < @lines; ++$i) {
    my $line = $lines[$i];
    if ($line =~ /^Usage: /) {
        next;
    }
    if ($line eq '') {
        $para = 0;
        next;
    }
    if ($line =~ /^(\S[^:]*):\s*$/) {
        # A heading of CLI11's help: Positionals:, Options:, Example:.
        my $head = $1;
        $mode = $head =~ /^Examples?$/ ? 'example' : 'options';
        $out .= ".PP\n\\fI" . esc($head) . ":\\fR\n";
        $para = 0;
        next;
    }
    if ($mode eq 'example' && $line =~ /^\s+(\S.*)$/) {
        # Commands are shown as typed: no filling, constant width, one per line.
        my @ex = ($1);
        while ($i + 1 < @lines && $lines[$i + 1] =~ /^\s+(\S.*)$/) {
            push @ex, $1;
            ++$i;
        }
        $out .= ".PP\n.RS\n.nf\n" . join('', map { '\f(CW' . esc($_) . "\\fR\n" } @ex) . ".fi\n.RE\n";
        $para = 0;
        next;
    }
    if ($mode eq 'options' && $line =~ /^  (\S.*?)(?:\s{2,}(\S.*))?$/) {
        my ($spec, $desc) = ($1, $2);
        # The description may be on the next, more deeply indented line(s).
        my @desc = defined $desc ? ($desc) : ();
        while ($i + 1 < @lines && $lines[$i + 1] =~ /^\s{4,}(\S.*)$/) {
            push @desc, $1;
            ++$i;
        }
        $out .= ".TP\n" . option_tag($spec) . "\n" . esc(join(' ', @desc)) . "\n";
        $para = 0;
        next;
    }
    # Running text: the summary and the description.
    $out .= ".PP\n" unless $para;
    $line =~ s/^\s+//;
    $out .= esc($line) . "\n";
    $para = 1;
}
print $out;
