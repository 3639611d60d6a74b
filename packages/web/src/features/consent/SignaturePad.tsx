import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';

/** The canvas's own pixels (CSS scales it to the column): wide enough for a clear signature, small as PNG. */
const WIDTH = 1200;
const HEIGHT = 360;
const INK = '#1b2a4a';

type Point = readonly [number, number];

function draw(canvas: HTMLCanvasElement, strokes: readonly (readonly Point[])[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, WIDTH, HEIGHT);
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = 5;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      context.beginPath();
      context.arc(first[0], first[1], 2.5, 0, Math.PI * 2);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(first[0], first[1]);
    for (const [x, y] of rest) context.lineTo(x, y);
    context.stroke();
  }
}

/**
 * A large signature pad for a finger, stylus or mouse, with undo and clear. The drawn signature is
 * optional: the typed name is the legal signature (and the keyboard way to sign), so someone who
 * cannot draw loses nothing. Reports a PNG data URL after each stroke, or null when empty.
 */
export function SignaturePad(props: { onChange: (dataUrl: string | null) => void; disabled?: boolean }): React.JSX.Element {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const { onChange } = props;

  const publish = useCallback(
    (next: Point[][]) => {
      setStrokes(next);
      const canvas = canvasRef.current;
      if (!canvas) return;
      draw(canvas, next);
      onChange(next.length > 0 ? canvas.toDataURL('image/png') : null);
    },
    [onChange],
  );

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, strokes);
  }, [strokes]);

  const pointOf = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT];
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>): void => {
    if (props.disabled) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = [pointOf(event)];
    const canvas = canvasRef.current;
    if (canvas) draw(canvas, [...strokes, drawing.current]);
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    drawing.current.push(pointOf(event));
    const canvas = canvasRef.current;
    if (canvas) draw(canvas, [...strokes, drawing.current]);
  };

  const onPointerUp = (): void => {
    const stroke = drawing.current;
    drawing.current = null;
    if (stroke) publish([...strokes, stroke]);
  };

  return (
    <Stack gap="xs">
      <Box
        pos="relative"
        style={{ border: '2px dashed var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)', background: 'var(--mantine-color-white)' }}
      >
        <canvas
          ref={canvasRef}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={strokes.length > 0 ? 'Signature pad, with a drawn signature' : 'Signature pad, empty: draw your signature here'}
          data-testid="signature-pad"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          style={{ display: 'block', width: '100%', aspectRatio: `${WIDTH} / ${HEIGHT}`, touchAction: 'none', cursor: props.disabled ? 'not-allowed' : 'crosshair' }}
        />
        <Text
          aria-hidden
          size="sm"
          c="dimmed"
          pos="absolute"
          left={16}
          right={16}
          bottom={18}
          style={{ borderTop: '1px solid var(--mantine-color-gray-4)', pointerEvents: 'none', paddingTop: 4 }}
        >
          Sign above this line
        </Text>
      </Box>
      <Group gap="sm">
        <Button
          variant="default"
          size="md"
          leftSection={<IconArrowBackUp size={18} aria-hidden />}
          onClick={() => publish(strokes.slice(0, -1))}
          disabled={props.disabled || strokes.length === 0}
        >
          Undo last stroke
        </Button>
        <Button variant="default" size="md" leftSection={<IconEraser size={18} aria-hidden />} onClick={() => publish([])} disabled={props.disabled || strokes.length === 0}>
          Clear signature
        </Button>
      </Group>
    </Stack>
  );
}
