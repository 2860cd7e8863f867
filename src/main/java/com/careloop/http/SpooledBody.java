package com.careloop.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request whose body a filter has spooled to a temporary file (too large to hold in memory: a CSV import), handed
 * on so that the next one reads the same bytes again, its length now known. The filter that made the file deletes it.
 * In memory: {@link ReplayedBody}.
 */
public final class SpooledBody extends HttpServletRequestWrapper {

    private final Path body;

    public SpooledBody(HttpServletRequest request, Path body) {
        super(request);
        this.body = body;
    }

    @Override
    public long getContentLengthLong() {
        try {
            return Files.size(body);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int getContentLength() {
        long length = getContentLengthLong();
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(body), 64 * 1024);
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is spooled to a file: read it blocking");
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
                encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }
}
